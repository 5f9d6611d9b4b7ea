package dev.idcred.launcher;

import de.bwaldvogel.mongo.MongoServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded stores under a data directory: a real PostgreSQL (zonky's binaries, with fsync and synchronous commit
 * turned back on) for the events, and a MongoDB wire-protocol server (mongo-java-server on an H2 file) for the read
 * models. They are stopped by whoever started them, after everything that uses them ({@link #close}): zonky's own
 * shutdown hook is not registered, because it would stop PostgreSQL while the service still drains its requests. A
 * PostgreSQL left running by a JVM that was killed is found by its pid file and stopped before the next start.
 */
public final class EmbeddedStores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final MongoServer mongo;

    private EmbeddedStores(EmbeddedPostgres postgres, MongoServer mongo) {
        this.postgres = postgres;
        this.mongo = mongo;
    }

    /**
     * Starts what is asked for under {@code dataDir}; a port of 0 picks a free one. Either store may be left out
     * ({@code withPostgres}, {@code withMongo}) when the service uses an external one.
     */
    public static EmbeddedStores start(Path dataDir, boolean withPostgres, int postgresPort, boolean withMongo,
                                int mongoPort) {
        EmbeddedPostgres postgres = withPostgres ? startPostgres(dataDir.resolve("postgres"), postgresPort) : null;
        MongoServer mongo = null;
        if (withMongo) {
            mongo = new MongoServer(new ReadModelFile(dataDir.resolve("read-models.mv").toString()));
            mongo.bind("127.0.0.1", mongoPort);
        }
        return new EmbeddedStores(postgres, mongo);
    }

    public Optional<String> postgresJdbcUrl() {
        return Optional.ofNullable(postgres).map(p -> postgresJdbcUrl(p.getPort()));
    }

    public Optional<String> mongoUri() {
        return Optional.ofNullable(mongo).map(m -> mongoUri(m.getLocalAddress().getPort()));
    }

    static String postgresJdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    static String mongoUri(int port) {
        return "mongodb://127.0.0.1:" + port + "/credentials";
    }

    /** Stops the wire-protocol server (its H2 file is committed and closed) and PostgreSQL (a fast, clean stop). */
    @Override
    public void close() {
        if (mongo != null) {
            mongo.shutdown();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Stopping the embedded PostgreSQL failed: {}", e.toString());
            }
        }
    }

    private static EmbeddedPostgres startPostgres(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            stopOrphan(directory);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * A JVM killed with its PostgreSQL still running leaves that server holding the data directory, and the next
     * start would fail. Its pid file names it: if that process is a postgres serving this directory, stop it (as
     * {@code pg_ctl stop -m fast} would: SIGINT), and if it does not stop in time, kill it; PostgreSQL then recovers
     * from its write-ahead log as after any crash.
     */
    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOf(process, directory));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) left running by an earlier start holds {}; stopping it", pid,
                directory.toAbsolutePath());
        signal(pid, "INT");
        try {
            orphan.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it", pid, ORPHAN_STOP_WAIT);
            orphan.get().destroyForcibly();
            try {
                orphan.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the orphaned PostgreSQL (pid " + pid + ")", e);
            }
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, Path directory) {
        String command = process.info().command().orElse("");
        if (!command.endsWith("postgres")) {
            return false;
        }
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.contains(directory.toString()) || commandLine.contains(directory.toAbsolutePath()
                    .toString());
        } catch (IOException e) {
            return true;
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5,
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
