package dev.idcred.launcher.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.CreateLoad;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.launcher.support.ServiceProcess;
import dev.idcred.launcher.support.ViewsMatchARebuild;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: the service, run as {@code ./run.sh} runs it, is killed with {@code kill -9} under load again and again —
 * with its stores (a machine losing power), and once the JVM alone (its PostgreSQL left running, an orphan the next
 * start must stop by itself) — and every create it acknowledged is still there afterwards, every view equals a
 * rebuild from the log, and the views' integrity check is UP.
 */
class CrashRecoveryIT {

    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndTheViewsEqualARebuild() throws Exception {
        Path dataDir = RunningService.newDataDir();
        int port = ServiceProcess.freePort();
        int mongoPort = ServiceProcess.freePort();
        Map<String, String> environment = Map.of("DATA_DIR", dataDir.toString(),
                "BOOTSTRAP_CLIENT_ID", RunningService.ADMIN_CLIENT_ID,
                "BOOTSTRAP_CLIENT_SECRET", RunningService.ADMIN_CLIENT_SECRET);
        String mongoArgument = "--credentials.embedded.mongodb-port=" + mongoPort;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        for (int crash = 0; crash < 3; crash++) {
            ServiceProcess service = ServiceProcess.start("crash-" + crash, "", port, dataDir, environment,
                    mongoArgument).awaitHealthy(START);
            String admin = service.api().adminToken();
            int before = acknowledged.size();
            try (CreateLoad load = new CreateLoad(service.api()::base, admin, 4, acknowledged)) {
                int target = before + 40 + 30 * crash;
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= target);
                if (crash < 2) {
                    service.killWithItsStores();
                } else {
                    service.killJvmOnly();
                }
            }
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                .as("the last kill left the embedded PostgreSQL running").isTrue();

        try (ServiceProcess service = ServiceProcess.start("after-crashes", "", port, dataDir, environment,
                mongoArgument).awaitHealthy(START);
             MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            Api api = service.api();
            String admin = api.adminToken();
            api.awaitViewsCaughtUp();
            for (String id : acknowledged) {
                api.get("/v3/oauth-clients/" + id, admin).expect(200);
            }
            long listed = Long.parseLong(api.get("/v3/oauth-clients?limit=1&count=true", admin).expect(200)
                    .headers().firstValue("X-Total-Count").orElseThrow());
            assertThat(listed).isGreaterThanOrEqualTo(acknowledged.size());

            ViewsMatchARebuild.assertFor(api, admin, mongo.getDatabase("credentials"));
            assertThat(service.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                    .as("a clean stop stops the embedded PostgreSQL").isFalse();
        }
    }

}
