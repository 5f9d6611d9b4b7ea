package dev.idcred.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The service as an operator runs it: {@code java -jar credential-service.jar [mode]} in a process of its own, with
 * its environment, so a test can kill it with {@code kill -9} (alone, or with the PostgreSQL it started), stop it
 * with SIGTERM, and start it again on the same data.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The built service: from the launcher module (the test suite) or from the repository (a benchmark), unless
     * {@code -Dcredential-service.jar} names another build (a benchmark comparing two).
     */
    private static final Path JAR = System.getProperty("credential-service.jar") != null
            ? Path.of(System.getProperty("credential-service.jar")).toAbsolutePath()
            : java.nio.file.Files.exists(Path.of("target", "credential-service.jar"))
            ? Path.of("target", "credential-service.jar").toAbsolutePath()
            : Path.of("launcher", "target", "credential-service.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final Path embeddedPostgres;

    private ServiceProcess(String name, Process process, Path log, int port, Path embeddedPostgres) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.embeddedPostgres = embeddedPostgres;
    }

    /** Starts {@code mode} ("" for the whole service) with this environment on {@code port}; does not wait. */
    public static ServiceProcess start(String name, String mode, int port, Path logDir, Map<String, String> environment,
                                String... arguments) {
        var command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                JAR.toString()));
        if (!mode.isEmpty()) {
            command.add(mode);
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        var env = new LinkedHashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        builder.environment().putAll(env);
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            // Without POSTGRES_URL the process starts its own PostgreSQL under DATA_DIR/postgres.
            Path embeddedPostgres = env.containsKey("POSTGRES_URL") || !env.containsKey("DATA_DIR") ? null
                    : Path.of(env.get("DATA_DIR")).resolve("postgres");
            return new ServiceProcess(name, builder.start(), log, port, embeddedPostgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public ServiceProcess awaitHealthy(Duration atMost) {
        await(name + " healthy").atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            return healthy();
        });
        return this;
    }

    public boolean healthy() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(api().base()
                    + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code kill -9} of the JVM and every process it started, the embedded PostgreSQL and its backends included: a
     * machine losing power. PostgreSQL is no descendant of the JVM ({@code pg_ctl} starts it and exits, so it is
     * re-parented), so it is found through the pid file in its data directory.
     */
    public void killWithItsStores() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        awaitExit(process.toHandle());
        postmaster().ifPresent(postmaster -> {
            tree.add(postmaster);
            tree.addAll(postmaster.descendants().toList());
        });
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(ServiceProcess::awaitExit);
    }

    /** The embedded PostgreSQL this process started, while it runs: the pid its pid file names, if that is ours. */
    private Optional<ProcessHandle> postmaster() {
        if (embeddedPostgres == null) {
            return Optional.empty();
        }
        try {
            Path pidFile = embeddedPostgres.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> handle.info().commandLine()
                    .map(line -> line.contains(embeddedPostgres.toString())).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code kill -9} of the JVM alone: the embedded PostgreSQL it started is left running, an orphan. */
    public void killJvmOnly() {
        process.destroyForcibly();
        awaitExit(process.toHandle());
    }

    /** SIGTERM, and the exit code once it has stopped. */
    public int terminate(Duration atMost) {
        process.destroy();
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not stop within " + atMost + ":\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        String text = logText();
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }

    @Override
    public void close() {
        if (process.isAlive() || postmaster().isPresent()) {
            killWithItsStores();
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Process " + handle.pid() + " did not exit", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
