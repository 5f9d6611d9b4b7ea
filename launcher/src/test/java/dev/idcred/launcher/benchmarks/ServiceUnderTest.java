package dev.idcred.launcher.benchmarks;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a new user runs it: {@code ./run.sh} (so its JVM options and class-data archive) on a data directory
 * of the benchmark's own, with the embedded stores. PostgreSQL listens on a port chosen here, for the insert baseline.
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final int postgresPort;
    private final Duration startedIn;

    private ServiceUnderTest(Process process, int port, int postgresPort, Duration startedIn) {
        this.process = process;
        this.port = port;
        this.postgresPort = postgresPort;
        this.startedIn = startedIn;
    }

    /** Starts {@code ./run.sh} and waits until {@code /actuator/health} answers UP. */
    static ServiceUnderTest start(Path repository, Path dataDir, int port, int postgresPort) {
        ProcessBuilder builder = new ProcessBuilder(List.of("./run.sh",
                "--credentials.embedded.postgres-port=" + postgresPort)).directory(repository.toFile());
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("BOOTSTRAP_CLIENT_ID", RunningService.ADMIN_CLIENT_ID);
        builder.environment().put("BOOTSTRAP_CLIENT_SECRET", RunningService.ADMIN_CLIENT_SECRET);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            while (!healthy(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("./run.sh exited with " + process.exitValue() + "; see "
                            + dataDir + ".log");
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("not healthy within 3 minutes; see " + dataDir + ".log");
                }
                Thread.sleep(20);
            }
            return new ServiceUnderTest(process, port, postgresPort, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Duration startedIn() {
        return startedIn;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Api api() {
        return new Api(base());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres?user=postgres";
    }

    /** The JVM's resident set (run.sh execs java, so the process is the JVM), in bytes. */
    long residentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as an operator stops it, and waits for the exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
