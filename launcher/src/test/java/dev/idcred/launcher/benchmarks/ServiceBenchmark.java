package dev.idcred.launcher.benchmarks;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.Percentiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;

/**
 * The service's hot paths, measured as a new user meets them: {@code ./run.sh} on a fresh data directory, a fixed
 * workload written through the public API, {@code wrk} at 8 connections on the same machine. Every figure is printed
 * as a {@code RESULT} line beside a baseline measured in the same run (the machine is shared and noisy: only ratios
 * compare across runs), with the target it is held to. Run: {@code ./benchmark.sh [--quick] [suite...]}.
 */
public final class ServiceBenchmark {

    static final List<String> SUITES = List.of("start", "tokens", "reads", "listings", "creates", "propagation",
            "rebuild");

    private final Path repository;
    private final boolean quick;
    private final Set<String> suites;
    private final Wrk wrk;
    private final Duration baselineLength;

    private ServiceBenchmark(Path repository, boolean quick, Set<String> suites) {
        this.repository = repository;
        this.quick = quick;
        this.suites = suites;
        this.wrk = quick ? new Wrk(repository, Duration.ofSeconds(2), Duration.ofSeconds(5))
                : new Wrk(repository, Duration.ofSeconds(5), Duration.ofSeconds(20));
        this.baselineLength = quick ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            Path repository = Path.of(args[0]).toAbsolutePath();
            boolean quick = Arrays.asList(args).contains("--quick");
            var suites = new LinkedHashSet<String>();
            Arrays.stream(args).skip(1).filter(arg -> !arg.startsWith("--")).forEach(suites::add);
            if (suites.isEmpty()) {
                suites.addAll(SUITES);
            }
            new ServiceBenchmark(repository, quick, suites).run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            System.exit(exit);
        }
    }

    private void run() throws Exception {
        if (suites.stream().anyMatch(List.of("start", "tokens", "reads", "listings", "creates")::contains)) {
            againstRunSh();
        }
        if (suites.contains("propagation")) {
            PropagationBenchmark.run(quick ? 30 : 200);
        }
        if (suites.contains("rebuild")) {
            RebuildBenchmark.run(quick ? 60 : 3000);
        }
    }

    private void againstRunSh() throws Exception {
        Path dataDir = Files.createTempDirectory("credential-service-benchmark-");
        int port = freePort();
        int postgresPort = freePort();
        Duration firstStart;
        try (ServiceUnderTest first = ServiceUnderTest.start(repository, dataDir, port, postgresPort)) {
            firstStart = first.startedIn();
        }
        try (ServiceUnderTest service = ServiceUnderTest.start(repository, dataDir, port, postgresPort)) {
            if (suites.contains("start")) {
                result("start to healthy, first start (empty data directory)", seconds(firstStart),
                        "<= 6 s", firstStart.toMillis() <= 6_000);
                result("start to healthy, restart", seconds(service.startedIn()), "<= 4 s",
                        service.startedIn().toMillis() <= 4_000);
            }
            Workload workload = new Workload(service.api());
            if (suites.contains("tokens")) {
                tokens(service, workload);
            }
            if (suites.contains("reads")) {
                reads(service, workload);
            }
            List<Integer> sizes = quick ? List.of(500, 1_500) : List.of(1_000, 10_000, 50_000);
            var pages = new TreeMap<Integer, Wrk.Run[]>();
            if (suites.contains("listings")) {
                pages.put(sizes.get(0), listings(service, workload, sizes.get(0)));
            }
            if (suites.contains("creates")) {
                creates(service, workload);
            }
            if (suites.contains("listings")) {
                for (int size : sizes.subList(1, sizes.size())) {
                    pages.put(size, listings(service, workload, size));
                }
                flatness(pages);
            }
            long resident = service.residentBytes();
            result("resident memory of the service after the suite", String.format("%.0f MiB", resident / 1048576.0),
                    "<= 1024 MiB", resident <= 1024L * 1024 * 1024);
            long credentials = workload.count("/v3/oauth-clients") + workload.count("/v3/identities");
            long file = Files.size(dataDir.resolve("read-models.mv"));
            // PATs are not counted (the admin lists only its own), so this is an upper bound per credential.
            result("read-model file after the suite", String.format("%.1f MB for %,d API clients and identities "
                            + "(and the suite's PATs, not counted): %,d bytes each", file / 1e6, credentials,
                            file / Math.max(credentials, 1)),
                    "<= 2 KB per credential", file / Math.max(credentials, 1) <= 2_048);
        }
    }

    private void tokens(ServiceUnderTest service, Workload workload) throws Exception {
        Map.Entry<String, String> client = workload.client("token benchmark");
        String algorithm = service.api().get("/oauth/jwks", null).expect(200).body().path("keys").path(0)
                .path("alg").asText();
        Wrk.Run issued = wrk.measure("token", service.base() + "/oauth/token",
                Map.of("CLIENT_ID", client.getKey(), "CLIENT_SECRET", client.getValue()));
        double signing = Baselines.signingLoop(algorithm, Wrk.THREADS, baselineLength);
        result("POST /oauth/token (client credentials, " + algorithm + ")", issued.toString(),
                ">= 2,000/s, p99 <= 15 ms", issued.perSecond() >= 2_000 && issued.p99Millis() <= 15 && clean(issued));
        baseline("a bare " + algorithm + " signing loop on " + Wrk.THREADS + " threads", signing);
        ratio("token issuance / signing loop", issued.perSecond() / signing, ">= 0.6", 0.6);
    }

    private void reads(ServiceUnderTest service, Workload workload) {
        String id = workload.client("read benchmark").getKey();
        workload.awaitViewsCaughtUp();
        String token = workload.adminToken();
        Wrk.Run read = wrk.measure("get", service.base() + "/v3/oauth-clients/" + id, Map.of("TOKEN", token));
        Wrk.Run liveness = wrk.measure("get", service.base() + "/actuator/health/liveness", Map.of("TOKEN", ""));
        result("authenticated GET /v3/oauth-clients/{id}", read.toString(), "p99 <= 5 ms",
                read.p99Millis() <= 5 && clean(read));
        baseline("GET /actuator/health/liveness (no token, no store)", liveness.toString());
        ratio("p99 read / p99 liveness", read.p99Millis() / liveness.p99Millis(), "(information)", 0);
    }

    private Wrk.Run[] listings(ServiceUnderTest service, Workload workload, int size) {
        workload.fillListingsTo(size);
        String token = workload.adminToken();
        var runs = new ArrayList<Wrk.Run>();
        for (String listing : List.of("/v3/oauth-clients", "/v3/personal-access-tokens")) {
            long total = workload.count(listing);
            Wrk.Run page = wrk.measure("page", service.base() + listing, Map.of("LISTING", listing,
                    "TOKEN", token, "TOTAL", Long.toString(total)));
            result(String.format("50-row page of %s at a random offset, %,d in the listing", listing, total),
                    page.toString(), "p50 <= 15 ms, p99 <= 50 ms (at 50k)",
                    page.p50Millis() <= 15 && page.p99Millis() <= 50 && clean(page));
            runs.add(page);
        }
        return runs.toArray(Wrk.Run[]::new);
    }

    private void flatness(TreeMap<Integer, Wrk.Run[]> pages) {
        if (pages.size() < 2) {
            return;
        }
        Wrk.Run[] smallest = pages.firstEntry().getValue();
        Wrk.Run[] largest = pages.lastEntry().getValue();
        String sizes = String.format("%,d / %,d", pages.lastKey(), pages.firstKey());
        baseline("the same pages at " + String.format("%,d", pages.firstKey()) + " per listing",
                smallest[0] + " (clients); " + smallest[1] + " (PATs)");
        ratio("p50 of a page of API clients at " + sizes, largest[0].p50Millis() / smallest[0].p50Millis(),
                "<= 1.5", -1.5);
        ratio("p50 of a page of PATs at " + sizes, largest[1].p50Millis() / smallest[1].p50Millis(), "<= 1.5",
                -1.5);
    }

    private void creates(ServiceUnderTest service, Workload workload) throws Exception {
        Api api = service.api();
        // Owners enough for the PATs wrk can create, ten each, at up to twice the 1,000/s target.
        int capacity = (int) (wrk.measured().toSeconds() * 2_000 / 10) + 100;
        List<String> owners = workload.identities(capacity, "load owner");
        Path ownersFile = Files.createTempFile("benchmark-owners-", ".txt");
        Files.write(ownersFile, owners);
        List<String> probeOwners = workload.identities(quick ? 20 : 60, "probe owner");
        workload.awaitViewsCaughtUp();

        /** What is created, and the read that shows the probe's i-th item (by its id). */
        record Kind(String name, String listing, IntFunction<Api.Response> probe, BiPredicate<Integer, String> shows) {
        }
        String token = workload.adminToken();
        List<Kind> kinds = List.of(
                new Kind("clients", "/v3/oauth-clients", i -> api.post("/v3/oauth-clients", token,
                        Workload.clientBody("probe client " + i)),
                        (i, id) -> api.get("/v3/oauth-clients/" + id, token).status() == 200),
                new Kind("identities", "/v3/identities", i -> api.post("/v3/identities", token,
                        Map.of("name", "probe identity " + i, "kind", "USER")),
                        (i, id) -> api.get("/v3/identities/" + id, token).status() == 200),
                // A PAT is read in its owner's listing, the one read the API has for it.
                new Kind("pats", "/v3/personal-access-tokens", i -> api.post("/v3/personal-access-tokens", token,
                        Map.of("name", "probe " + i, "ownerId", probeOwners.get(i / 10),
                                "scope", List.of("sp:scopes:all"))),
                        (i, id) -> api.get("/v3/personal-access-tokens?owner-id=" + probeOwners.get(i / 10), token)
                                .expect(200).text().contains(id)));
        double inserts = Baselines.jdbcInserts(service.jdbcUrl(), Wrk.CONNECTIONS, baselineLength);
        for (Kind kind : kinds) {
            Wrk.Run load;
            long[] delays;
            try (var probe = new ReadAfterWriteProbe(kind.probe(), kind.shows())) {
                load = wrk.run("create", service.base(), Map.of("KIND", kind.name(), "TOKEN", token,
                        "RUN", Long.toString(System.nanoTime()), "OWNERS", ownersFile.toString()), wrk.measured());
                delays = probe.stop();
            }
            long stopped = System.nanoTime();
            while (workload.maxLag() > 0) {
                Workload.pause(Duration.ofMillis(10));
            }
            double caughtUp = (System.nanoTime() - stopped) / 1e6;
            Percentiles readAfterWrite = Percentiles.of(delays);
            result("POST " + kind.listing() + " (" + kind.name() + ")", load.toString(), ">= 1,000/s",
                    load.perSecond() >= 1_000 && clean(load));
            result("  read-after-write of the created item under that load", readAfterWrite.toString(),
                    "p99 <= 250 ms", readAfterWrite.p99() <= 250);
            result("  projection lag after the load stopped", String.format("none after %.0f ms", caughtUp),
                    "none left at 2 s", caughtUp <= 2_000);
            ratio("  creates / one-row inserts", load.perSecond() / inserts, ">= 0.1", 0.1);
        }
        baseline("one-row JDBC inserts into the same PostgreSQL, " + Wrk.CONNECTIONS + " connections", inserts);
        Files.deleteIfExists(ownersFile);
    }

    private static boolean clean(Wrk.Run run) {
        return run.rejected() == 0 && run.failed() == 0;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void result(String what, String value, String target, boolean met) {
        System.out.printf("RESULT %s: %s [target %s: %s]%n", what, value, target, met ? "met" : "MISSED");
    }

    private static void baseline(String what, double perSecond) {
        baseline(what, String.format("%,.0f/s", perSecond));
    }

    private static void baseline(String what, String value) {
        System.out.printf("RESULT baseline, %s: %s%n", what, value);
    }

    /** A ratio and its target: a positive bound is a floor, a negative one (its magnitude) a ceiling, 0 none. */
    private static void ratio(String what, double value, String target, double bound) {
        String verdict = bound == 0 ? "" : bound > 0 ? (value >= bound ? ": met" : ": MISSED")
                : (value <= -bound ? ": met" : ": MISSED");
        System.out.printf("RESULT ratio %s: %.2f [target %s%s]%n", what, value, target, verdict);
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
