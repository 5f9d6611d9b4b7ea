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
 * routes), 8 writers creating API clients and 8 readers listing them through the gateway, and a probe that creates
 * one more client every 50 ms and reads it back through the gateway until it shows. Baseline, same run: the same
 * probe before the load, straight to one query side.
 */
public final class ScaleOutBenchmark {

    private static final Duration START = Duration.ofSeconds(180);

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(Path.of(args[0]).toAbsolutePath(), Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60));
        } finally {
            System.exit(0);
        }
    }

    static void run(Path repository, Duration load) throws Exception {
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
            List<ServiceProcess> commands = new ArrayList<>();
            for (String name : List.of("command-a", "command-b")) {
                ServiceProcess side = ServiceProcess.start(name, "command-side", ServiceProcess.freePort(), dataDir,
                        shared).awaitHealthy(START);
                started.add(side);
                commands.add(side);
            }
            var queryEnvironment = new HashMap<>(shared);
            queryEnvironment.put("JWK_SET_URI", commands.get(0).api().base() + "/oauth/jwks");
            List<ServiceProcess> queries = new ArrayList<>();
            for (String name : List.of("query-a", "query-b")) {
                ServiceProcess side = ServiceProcess.start(name, "query-side", ServiceProcess.freePort(), dataDir,
                        queryEnvironment).awaitHealthy(START);
                started.add(side);
                queries.add(side);
            }
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
            for (int r = 0; r < 8; r++) {
                Thread reader = new Thread(() -> {
                    while (reading.get()) {
                        gateway.get("/v3/oauth-clients?limit=50", admin);
                        reads.incrementAndGet();
                    }
                }, "reader-" + r);
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
            long[] loaded;
            int created;
            try (CreateLoad writers = new CreateLoad(gateway::base, admin, 8, acknowledged)) {
                Thread.sleep(5_000);
                int before = acknowledged.size();
                long from = System.nanoTime();
                loaded = probe(gateway, gateway, admin, load);
                created = acknowledged.size() - before;
                double seconds = (System.nanoTime() - from) / 1e9;
                System.out.printf("RESULT scale-out load: %.0f creates/s, %.0f reads/s through the gateway, 5xx: %s%n",
                        created / seconds, reads.get() / seconds, writers.serverErrors());
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

    /** Creates a client through {@code writer} every 50 ms and reads it through {@code reader} until it shows. */
    private static long[] probe(Api writer, Api reader, String admin, Duration during) {
        var delays = new ArrayList<Long>();
        long until = System.nanoTime() + during.toNanos();
        for (int i = 0; System.nanoTime() < until; i++) {
            String id = writer.post("/v3/oauth-clients", admin, Map.of("name", "probe " + i)).expect(200).field("id");
            long written = System.nanoTime();
            while (reader.get("/v3/oauth-clients/" + id, admin).status() != 200) {
                if (System.nanoTime() - written > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("client " + id + " not readable within 30 s");
                }
            }
            delays.add(System.nanoTime() - written);
            Workload.pause(Duration.ofMillis(50));
        }
        return delays.stream().mapToLong(Long::longValue).toArray();
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
