package dev.idcred.launcher.reliability;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.CreateLoad;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.launcher.support.ServiceProcess;
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
 * Issue 9: SIGTERM under load. The service stops accepting, answers every request in flight with its real answer (no
 * 5xx), stops its processors, then its stores, and exits; every create it acknowledged is there after the next start.
 */
class GracefulShutdownIT {

    @Test
    void sigtermUnderLoadAnswersEveryRequestInFlightAndLosesNothing() {
        Path dataDir = RunningService.newDataDir();
        int port = ServiceProcess.freePort();
        Map<String, String> environment = Map.of("DATA_DIR", dataDir.toString(),
                "BOOTSTRAP_CLIENT_ID", RunningService.ADMIN_CLIENT_ID,
                "BOOTSTRAP_CLIENT_SECRET", RunningService.ADMIN_CLIENT_SECRET);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        ServiceProcess service = ServiceProcess.start("sigterm", "", port, dataDir, environment)
                .awaitHealthy(Duration.ofSeconds(120));
        String admin = service.api().adminToken();
        CreateLoad load = new CreateLoad(service.api()::base, admin, 8, acknowledged);
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
        int exitCode = service.terminate(Duration.ofSeconds(60));
        load.close();

        assertThat(load.serverErrors()).as("5xx answers during the shutdown").isEmpty();
        assertThat(exitCode).isIn(0, 143);
        assertThat(service.logText()).doesNotContain("Exception").doesNotContain("ERROR");
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                .as("the embedded PostgreSQL stopped with the service").isFalse();

        try (ServiceProcess again = ServiceProcess.start("after-sigterm", "", port, dataDir, environment)
                .awaitHealthy(Duration.ofSeconds(120))) {
            Api api = again.api();
            api.awaitViewsCaughtUp();
            for (String id : acknowledged) {
                api.get("/v3/oauth-clients/" + id, admin).expect(200);
            }
        }
    }
}
