package dev.idcred.launcher.reliability;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.EventLogWriter;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.launcher.support.ServiceProcess;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 at a large log: the read-model file stays in proportion to what it holds under a steady update load (its
 * freed space reused, its emptiest chunks compacted, the file compacted at open), and a restart is ready in seconds
 * whatever the log's size: health answers at once (the views self-check runs in the background, from where the last
 * check ended) and reads are served as soon as the processors are within their lag.
 */
class LargeLogIT {

    private static final int WRITERS = 4;
    /** About 55 events a round: 32-40k events in all (LARGELOG_ROUNDS=460 writes the 100k of the issue). */
    private static final int ROUNDS_PER_WRITER = Integer.parseInt(
            System.getenv().getOrDefault("LARGELOG_ROUNDS", "90"));
    private static final Duration UPDATE_LOAD = Duration.ofSeconds(20);
    private static final long BYTES_PER_EVENT = 2_000;

    @Test
    void theReadModelFileStaysInProportionAndARestartIsReadyInSeconds() throws Exception {
        Path dataDir = RunningService.newDataDir();
        Path file = dataDir.resolve("read-models.mv");
        long events;
        long written;
        long updated;
        // The log's rounds register a webhook to a local receiver, as the rebuild benchmark's do.
        try (RunningService service = RunningService.start(dataDir, "--credentials.webhooks.allow-loopback=true")) {
            var writer = new EventLogWriter(service.bean(CommandGateway.class));
            inParallel(w -> writer.writeRounds("big" + w, ROUNDS_PER_WRITER));
            Api api = service.api();
            api.awaitViewsCaughtUp();
            written = Files.size(file);

            long until = System.nanoTime() + UPDATE_LOAD.toNanos();
            inParallel(w -> {
                for (int pass = 0; System.nanoTime() < until; pass++) {
                    writer.renameTokens("big" + w, ROUNDS_PER_WRITER, pass);
                }
            });
            api.awaitViewsCaughtUp();
            updated = Files.size(file);
            events = service.bean(JdbcTemplate.class).queryForObject("select count(*) from domainEventEntry",
                    Long.class);
        }
        System.out.printf("read-model file: %d events, %.1f MB after writing, %.1f MB after %d s of updates%n",
                events, written / 1e6, updated / 1e6, UPDATE_LOAD.toSeconds());
        // 0.7-1.4 kB per event of the log here; H2's defaults left 3.7 kB after writing and 5.3 kB after the updates.
        assertThat(written).as("the read-model file after writing %d events", events)
                .isLessThanOrEqualTo(BYTES_PER_EVENT * events);
        assertThat(updated).as("the read-model file after a steady update load")
                .isLessThanOrEqualTo(Math.min(BYTES_PER_EVENT * events, written + 24_000_000L));

        ServiceProcess restarted = ServiceProcess.start("restarted", "", ServiceProcess.freePort(), dataDir,
                Map.of("DATA_DIR", dataDir.toString(), "BOOTSTRAP_CLIENT_ID", RunningService.ADMIN_CLIENT_ID,
                        "BOOTSTRAP_CLIENT_SECRET", RunningService.ADMIN_CLIENT_SECRET));
        try (restarted) {
            long started = System.nanoTime();
            Duration slowestHealth = awaitReady(restarted);
            Duration toReady = Duration.ofNanos(System.nanoTime() - started);
            Api api = restarted.api();
            String admin = api.adminToken();
            api.get("/v3/personal-access-tokens?limit=5", admin).expect(200);
            System.out.printf("restart at %d events: ready after %d ms, slowest health answer %d ms%n", events,
                    toReady.toMillis(), slowestHealth.toMillis());
            assertThat(slowestHealth).as("a health answer while starting").isLessThan(Duration.ofSeconds(2));
            assertThat(toReady).as("time to ready after a restart at %d events", events)
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(Files.size(file)).as("the read-model file compacted at open").isLessThanOrEqualTo(updated);
        }
    }

    /** Polls readiness until it is UP; answers the slowest answer seen. */
    private static Duration awaitReady(ServiceProcess process) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long slowest = 0;
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the restarted service is running").isTrue();
            long asked = System.nanoTime();
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(process.api().base()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                slowest = Math.max(slowest, System.nanoTime() - asked);
                if (readiness.statusCode() == 200) {
                    return Duration.ofNanos(slowest);
                }
            } catch (IOException notListeningYet) {
                // the port opens once the web server has started
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 120 s:\n" + process.logText());
    }

    private interface Writer {
        void write(int writer) throws Exception;
    }

    private static void inParallel(Writer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        var futures = new ArrayList<Future<?>>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                work.write(writer);
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        for (var future : futures) {
            future.get();
        }
    }
}
