package dev.idcred.launcher.benchmarks;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.CreateLoad;
import dev.idcred.launcher.support.Percentiles;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.launcher.support.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * {@code ./benchmark.sh scale-out}: the split topology of the reliability review on this machine (the stores as
 * {@code ./run.sh stores} serves them, two command sides, two query sides, nginx with {@code gateway/nginx.conf}'s
 * routes), 8 writers creating API clients and 8 readers reading them through the gateway (paced: see
 * {@link #WRITER_PAUSE}; {@code -Dwriter.pause.ms=0 -Dreader.pause.ms=0} saturates), and a probe that creates
 * one more client every 50 ms and reads it back through the gateway until it shows (after a warm-up of the same
 * load). Baseline, same run: the same probe before the load, straight to one query side.
 * Arguments: the repository, seconds measured (60), seconds of warm-up (30).
 */
public final class ScaleOutBenchmark {

    private static final Duration START = Duration.ofSeconds(180);
    /**
     * Each writer and reader pauses this long after each call: about 40 creates and 100 reads a second in all, four
     * times the review's hour (33k clients and 90k events) and well under what saturates the two cores (about 140
     * creates a second, where every latency is a queue's).
     */
    private static final Duration WRITER_PAUSE = Duration.ofMillis(Long.getLong("writer.pause.ms", 150));
    private static final Duration READER_PAUSE = Duration.ofMillis(Long.getLong("reader.pause.ms", 50));

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run(Path.of(args[0]).toAbsolutePath(), Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60),
                    Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30));
        } catch (Exception | AssertionError e) {
            System.out.println("RESULT scale-out failed: " + e);
            e.printStackTrace(System.out);
            status = 1;
        } finally {
            System.exit(status);
        }
    }

    static void run(Path repository, Duration load, Duration warmUp) throws Exception {
        Path dataDir = RunningService.newDataDir();
        int postgresPort = ServiceProcess.freePort();
        int mongoPort = ServiceProcess.freePort();
        var shared = new LinkedHashMap<String, String>(Map.of("DATA_DIR", dataDir.toString(),
                "POSTGRES_URL", "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres",
                "MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort + "/credentials",
                "BOOTSTRAP_CLIENT_ID", RunningService.ADMIN_CLIENT_ID,
                "BOOTSTRAP_CLIENT_SECRET", RunningService.ADMIN_CLIENT_SECRET));
        int gatewayPort = ServiceProcess.freePort();
        shared.put("ISSUER_URL", "http://127.0.0.1:" + gatewayPort);
        shared.put("TRUSTED_PROXIES", "127.0.0.1/32");
        List<ServiceProcess> started = new ArrayList<>();
        Process nginx = null;
        try {
            ServiceProcess stores = ServiceProcess.start("stores", "stores", 0, dataDir, Map.of(
                    "DATA_DIR", dataDir.toString(), "POSTGRES_PORT", Integer.toString(postgresPort),
                    "MONGODB_PORT", Integer.toString(mongoPort)));
            started.add(stores);
            await().atMost(START).until(() -> stores.logText().contains("Embedded stores ready"));
            List<ServiceProcess> commands = startTwo("command", dataDir, shared, started);
            var queryEnvironment = new HashMap<>(shared);
            queryEnvironment.put("JWK_SET_URI", commands.get(0).api().base() + "/oauth/jwks");
            List<ServiceProcess> queries = startTwo("query", dataDir, queryEnvironment, started);
            nginx = startGateway(repository, dataDir, gatewayPort, commands, queries);
            Api gateway = new Api("http://127.0.0.1:" + gatewayPort);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> gateway.get("/health", null).status() == 200);
            String admin = gateway.adminToken();

            long[] idle = probe(gateway, queries.get(0).api(), admin, Duration.ofSeconds(10));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            List<String> readable = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int r = 0; r < 8; r++) {
                int reader = r;
                Thread thread = new Thread(() -> {
                    var random = new java.util.Random(reader);
                    while (reading.get()) {
                        // One read in eight lists a page; the others fetch a client written earlier, by id.
                        if (readable.isEmpty() || reads.get() % 8 == reader) {
                            gateway.get("/v3/oauth-clients?limit=50", admin);
                        } else {
                            gateway.get("/v3/oauth-clients/" + readable.get(random.nextInt(readable.size())), admin);
                        }
                        reads.incrementAndGet();
                        if (readable.size() < 1000 && !acknowledged.isEmpty()) {
                            readable.add(acknowledged.iterator().next());
                        }
                        Workload.pause(READER_PAUSE);
                    }
                }, "reader-" + r);
                Thread reader0 = thread;
                reader0.setDaemon(true);
                reader0.start();
                readers.add(reader0);
            }
            long[] loaded;
            int created;
            try (CreateLoad writers = new CreateLoad(gateway::base, admin, 8, acknowledged, WRITER_PAUSE)) {
                Thread.sleep(warmUp.toMillis());
                int before = acknowledged.size();
                long from = System.nanoTime();
                loaded = probe(gateway, gateway, admin, load);
                created = acknowledged.size() - before;
                double seconds = (System.nanoTime() - from) / 1e9;
                System.out.printf("RESULT scale-out load: %.0f creates/s, %.0f reads/s through the gateway, 5xx: %s%n",
                        created / seconds, reads.get() / seconds, writers.serverErrors());
                System.out.println("RESULT processors' lag at the end of the load (events): "
                        + queries.get(0).api().get("/actuator/health", null).body().path("components")
                        .path("processors").path("details"));
            } finally {
                reading.set(false);
            }
            Percentiles baseline = Percentiles.of(idle);
            Percentiles measured = Percentiles.of(loaded);
            System.out.println("RESULT baseline, read-after-write straight to one query side, idle: " + baseline);
            System.out.println("RESULT read-after-write through the gateway, 8 writers + 8 readers, 2 + 2 processes: "
                    + measured);
            System.out.printf("RESULT ratio p99 loaded / idle: %.1f [target p99 <= 500 ms: %s]%n",
                    measured.p99() / Math.max(baseline.p99(), 0.001), measured.p99() <= 500 ? "met" : "MISSED");
        } finally {
            if (nginx != null) {
                nginx.destroy();
            }
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
    }

    /**
     * Creates a client through {@code writer} every 50 ms and reads it through {@code reader} until it shows (a read
     * that never shows counts as 30 s).
     */
    private static long[] probe(Api writer, Api reader, String admin, Duration during) {
        var delays = new ArrayList<Long>();
        long until = System.nanoTime() + during.toNanos();
        for (int i = 0; System.nanoTime() < until; i++) {
            String id = writer.post("/v3/oauth-clients", admin, Map.of("name", "probe " + i)).expect(200).field("id");
            long written = System.nanoTime();
            while (reader.get("/v3/oauth-clients/" + id, admin).status() != 200
                    && System.nanoTime() - written < Duration.ofSeconds(30).toNanos()) {
                Thread.onSpinWait();
            }
            delays.add(System.nanoTime() - written);
            Workload.pause(Duration.ofMillis(50));
        }
        return delays.stream().mapToLong(Long::longValue).toArray();
    }

    /** Two processes of one side ({@code command} or {@code query}), each healthy, added to {@code started}. */
    private static List<ServiceProcess> startTwo(String side, Path dataDir, Map<String, String> environment,
                                                 List<ServiceProcess> started) {
        List<ServiceProcess> processes = new ArrayList<>();
        for (String instance : List.of("a", "b")) {
            ServiceProcess process = ServiceProcess.start(side + "-" + instance, side + "-side",
                    ServiceProcess.freePort(), dataDir, environment).awaitHealthy(START);
            started.add(process);
            processes.add(process);
        }
        return processes;
    }

    /** nginx with the gateway's own routes, its upstreams pointed at the processes started here. */
    private static Process startGateway(Path repository, Path dataDir, int port, List<ServiceProcess> commands,
                                        List<ServiceProcess> queries) throws IOException {
        String config = Files.readString(repository.resolve("gateway/nginx.conf"))
                .replace("server command-side:8080;", servers(commands))
                .replace("server query-side:8080;", servers(queries))
                .replace("server console:8080;", "server 127.0.0.1:9;")
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("events {}", "daemon off;\npid " + dataDir.resolve("nginx.pid") + ";\nerror_log "
                        + dataDir.resolve("nginx-error.log") + ";\nevents {}")
                .replace("http {", "http {\n    access_log off;\n    client_body_temp_path " + dataDir.resolve("nginx")
                        + ";\n    proxy_temp_path " + dataDir.resolve("nginx") + ";");
        Files.createDirectories(dataDir.resolve("nginx"));
        Path file = dataDir.resolve("nginx.conf");
        Files.writeString(file, config);
        return new ProcessBuilder("nginx", "-c", file.toString(), "-p", dataDir.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("nginx.log").toFile()).start();
    }

    private static String servers(List<ServiceProcess> processes) {
        StringBuilder servers = new StringBuilder();
        for (ServiceProcess process : processes) {
            servers.append("server 127.0.0.1:").append(process.port()).append(";\n        ");
        }
        return servers.toString().trim();
    }
}
