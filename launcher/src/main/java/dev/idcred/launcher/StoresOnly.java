package dev.idcred.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh stores}: the embedded stores alone, on fixed ports, for command-side and query-side processes to
 * share: PostgreSQL on {@code POSTGRES_PORT} (15432) and the MongoDB wire-protocol server on {@code MONGODB_PORT}
 * (27017), with their data under {@code DATA_DIR}. Runs until it is stopped (SIGTERM or Ctrl-C), then stops both.
 */
final class StoresOnly {

    private static final Logger log = LoggerFactory.getLogger(StoresOnly.class);

    private StoresOnly() {
    }

    static void main(String[] args) {
        Path dataDir = Path.of(environment("DATA_DIR", "./data"));
        int postgresPort = Integer.parseInt(environment("POSTGRES_PORT", "15432"));
        int mongoPort = Integer.parseInt(environment("MONGODB_PORT", "27017"));
        EmbeddedStores stores = EmbeddedStores.start(dataDir, true, postgresPort, true, mongoPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stores.close();
            stopped.countDown();
        }, "stop-embedded-stores"));
        log.info("Embedded stores ready under {}: POSTGRES_URL={} MONGODB_URI={}", dataDir.toAbsolutePath(),
                stores.postgresJdbcUrl().orElseThrow(), stores.mongoUri().orElseThrow());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String environment(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
