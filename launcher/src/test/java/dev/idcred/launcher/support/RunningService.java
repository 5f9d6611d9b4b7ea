package dev.idcred.launcher.support;

import dev.idcred.launcher.CredentialServiceApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole service, started as {@code ./run.sh} starts it (embedded stores under a data directory), on a free
 * port. {@link #shared()} is one instance for every test class that needs no instance of its own.
 */
public final class RunningService implements AutoCloseable {

    public static final String ADMIN_CLIENT_ID = "it-bootstrap-admin";
    public static final String ADMIN_CLIENT_SECRET = "it-bootstrap-admin-secret-" + Long.toHexString(System.nanoTime());

    public static final String TRUSTED_PROXY = "127.0.0.1/32";
    private static RunningService shared;
    private static final List<Path> LOG_FILES = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final Api api;

    private RunningService(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        this.api = new Api("http://127.0.0.1:" + port);
    }

    public static synchronized RunningService shared() {
        if (shared == null) {
            // The tests call from loopback; trusting it as a proxy lets them play clients behind it (X-Forwarded-For).
            // Usage is tallied every two seconds instead of every minute, so tests see every token counted; webhooks
            // may target the tests' own loopback receivers; the log's chain is signed every second, not every minute.
            shared = start(newDataDir(), "--credentials.network.trusted-proxies=" + TRUSTED_PROXY,
                    "--credentials.usage.tally-period=PT2S", "--credentials.webhooks.allow-loopback=true",
                    "--credentials.webhooks.first-retry=PT0.5S", "--credentials.webhooks.dispatch-interval=PT0.2S",
                    "--credentials.evidence.checkpoint-interval=PT1S");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("credential-service-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service on {@code dataDir}; extra arguments are command-line properties such as POSTGRES_URL's. */
    public static RunningService start(Path dataDir, String... extraArguments) {
        var arguments = new ArrayList<>(List.of(
                "--credentials.bootstrap.client-id=" + ADMIN_CLIENT_ID,
                "--credentials.bootstrap.client-secret=" + ADMIN_CLIENT_SECRET));
        arguments.addAll(List.of(extraArguments));
        return startWithoutBootstrapCredentials(dataDir, arguments.toArray(String[]::new));
    }

    /** Starts the service as a first-time user would: no BOOTSTRAP_CLIENT_ID, no BOOTSTRAP_CLIENT_SECRET. */
    public static RunningService startWithoutBootstrapCredentials(Path dataDir, String... extraArguments) {
        LOG_FILES.add(dataDir.resolve("service.log"));
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--credentials.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("service.log"),
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extraArguments));
        ConfigurableApplicationContext context = CredentialServiceApplication.builder()
                .run(arguments.toArray(String[]::new));
        return new RunningService(context, dataDir);
    }

    /**
     * Everything every service of this test run has logged. Logging is configured once per JVM, so a service's lines
     * land in the file of whichever service started last: only the union is sure to hold them all.
     */
    public static String logsOfThisRun() {
        var all = new StringBuilder();
        for (Path file : LOG_FILES) {
            try {
                if (Files.exists(file)) {
                    all.append(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    public Api api() {
        return api;
    }

    public Path dataDir() {
        return dataDir;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
