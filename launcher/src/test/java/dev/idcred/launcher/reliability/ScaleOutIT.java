package dev.idcred.launcher.reliability;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.CreateLoad;
import dev.idcred.launcher.support.Percentiles;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.launcher.support.ServiceProcess;
import dev.idcred.launcher.support.ViewsMatchARebuild;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: the production topology without containers, as the README starts it: the embedded stores alone
 * ({@code ./run.sh stores}), two command-side and two query-side processes sharing them. The query sides share the
 * views' segments; read-after-write across processes is fast; a token of a deleted credential is refused at once on
 * both query sides; a killed query side's segments are taken over within seconds, a killed command side loses no
 * acknowledged write; and after all of it every view equals a rebuild.
 */
class ScaleOutIT {

    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void twoOfEachSideShareTheWorkSurviveAKillAndKeepEveryViewExact() throws Exception {
        Path dataDir = RunningService.newDataDir();
        int postgresPort = ServiceProcess.freePort();
        int mongoPort = ServiceProcess.freePort();
        String postgresUrl = "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres";
        String mongoUri = "mongodb://127.0.0.1:" + mongoPort + "/credentials";
        var shared = new LinkedHashMap<String, String>(Map.of("DATA_DIR", dataDir.toString(),
                "POSTGRES_URL", postgresUrl, "MONGODB_URI", mongoUri,
                "BOOTSTRAP_CLIENT_ID", RunningService.ADMIN_CLIENT_ID,
                "BOOTSTRAP_CLIENT_SECRET", RunningService.ADMIN_CLIENT_SECRET,
                // Every instance of either side names the same issuer: the one URL clients reach them at.
                "ISSUER_URL", "http://localhost:" + ServiceProcess.freePort()));
        try (ServiceProcess stores = ServiceProcess.start("stores", "stores", 0, dataDir, Map.of(
                     "DATA_DIR", dataDir.toString(), "POSTGRES_PORT", Integer.toString(postgresPort),
                     "MONGODB_PORT", Integer.toString(mongoPort)));
             MongoClient mongoClient = MongoClients.create(mongoUri)) {
            await("the stores").atMost(START).until(() -> stores.logText().contains("Embedded stores ready"));
            MongoDatabase mongo = mongoClient.getDatabase("credentials");

            ServiceProcess commandA = ServiceProcess.start("command-a", "command-side", ServiceProcess.freePort(),
                    dataDir, shared).awaitHealthy(START);
            ServiceProcess commandB = ServiceProcess.start("command-b", "command-side", ServiceProcess.freePort(),
                    dataDir, shared).awaitHealthy(START);
            var queryEnvironment = new HashMap<>(shared);
            queryEnvironment.put("JWK_SET_URI", commandA.api().base() + "/oauth/jwks");
            ServiceProcess queryA = ServiceProcess.start("query-a", "query-side", ServiceProcess.freePort(), dataDir,
                    queryEnvironment).awaitHealthy(START);
            try (commandA; commandB; queryA) {
                Api commands = commandA.api();
                String admin = commands.adminToken();
                await("query-a holds every segment").atMost(Duration.ofSeconds(30))
                        .until(() -> owners(mongo).equals(Set.of(owner(mongo, queryA))));

                ServiceProcess queryB;
                Duration longestUnowned;
                try (UnownedSegments watch = new UnownedSegments(mongo)) {
                    queryB = ServiceProcess.start("query-b", "query-side", ServiceProcess.freePort(), dataDir,
                            queryEnvironment).awaitHealthy(START);
                    await("the segments spread over both query sides").atMost(Duration.ofSeconds(30))
                            .untilAsserted(() -> assertSpread(mongo));
                    longestUnowned = watch.longest();
                }
                System.out.println("join: longest stretch a segment had no owner: " + longestUnowned.toMillis() + " ms");
                // The incumbent lets a segment go only once the joiner claims (its processors run), and hands it to the
                // joiner rather than leaving it without an owner until the joiner's next claim.
                assertThat(longestUnowned).as("longest unowned stretch during a join").isZero();
                try (queryB) {

                    assertReadAfterWriteAcrossProcesses(commandB.api(), List.of(queryA.api(), queryB.api()), admin);
                    assertRevocationIsExactOnBothQuerySides(commands, List.of(queryA.api(), queryB.api()), admin);
                    assertRebuildUnderWritesOnBothQuerySidesLosesNothing(List.of(commandA.api(), commandB.api()),
                            List.of(queryA.api(), queryB.api()), admin);

                    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                    AtomicInteger next = new AtomicInteger();
                    List<String> bases = List.of(commandA.api().base(), commandB.api().base());
                    try (CreateLoad load = new CreateLoad(() -> bases.get(next.getAndIncrement() % 2), admin, 4,
                            acknowledged)) {
                        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
                        Map<String, Set<Integer>> before = segmentsByOwner(mongo);
                        String killed = owner(mongo, queryB);
                        assertThat(before.get(killed)).as("query-b's segments").isNotEmpty();
                        queryB.killWithItsStores();
                        commandB.killWithItsStores();
                        long killedAt = System.nanoTime();
                        await("query-a takes over query-b's segments").atMost(Duration.ofSeconds(10))
                                .until(() -> owners(mongo).equals(Set.of(owner(mongo, queryA))));
                        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                        assertThat(takeover).as("takeover after a kill").isLessThanOrEqualTo(Duration.ofSeconds(5));
                        int afterKill = acknowledged.size();
                        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= afterKill + 50);
                    }

                    Api reads = queryA.api();
                    reads.awaitViewsCaughtUp();
                    for (String id : acknowledged) {
                        reads.get("/v3/oauth-clients/" + id, admin).expect(200);
                    }
                    ViewsMatchARebuild.assertFor(reads, admin, mongo);
                }
            }
        }
    }

    /**
     * A rebuild asked of one query side while both apply a steady load of creates: every acknowledged write is in the
     * new generation on both (none went only to the retired one), both answer for the rebuild, and both stay UP.
     */
    private static void assertRebuildUnderWritesOnBothQuerySidesLosesNothing(List<Api> writers, List<Api> readers,
                                                                             String admin) {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        try (CreateLoad load = new CreateLoad(() -> writers.get(next.getAndIncrement() % 2).base(), admin, 4,
                acknowledged)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 50);
            Api.Response started = readers.get(1).postRaw("/v3/read-model-rebuilds", admin, "application/json", "")
                    .expect(202);
            int generation = started.body().path("generation").asInt();
            Api.Response again = readers.get(0).postRaw("/v3/read-model-rebuilds", admin, "application/json", "")
                    .expect(202);
            assertThat(again.body().path("generation").asInt()).as("a second request joins the rebuild under way")
                    .isEqualTo(generation);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(readers.get(0)
                    .get("/v3/read-model-rebuilds/current", admin).expect(200).field("state")).isEqualTo("DONE"));
            int afterSwitch = acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= afterSwitch + 50);
            assertThat(load.serverErrors()).as("5xx during the rebuild").isEmpty();
        }
        for (Api reader : readers) {
            reader.awaitViewsCaughtUp();
            for (String id : acknowledged) {
                reader.get("/v3/oauth-clients/" + id, admin).expect(200);
            }
        }
    }

    /** Each query side holds segments, and neither holds more than its fair share plus one. */
    private static void assertSpread(MongoDatabase mongo) {
        Map<String, Set<Integer>> byOwner = segmentsByOwner(mongo);
        assertThat(byOwner).hasSize(2);
        int total = byOwner.values().stream().mapToInt(Set::size).sum();
        byOwner.values().forEach(mine -> assertThat(mine.size()).isBetween(total / 2 - 1, total / 2 + 1));
    }

    private static void assertReadAfterWriteAcrossProcesses(Api writer, List<Api> readers, String admin) {
        long[] delays = new long[50];
        for (int i = -10; i < delays.length; i++) {
            Api reader = readers.get(Math.floorMod(i, readers.size()));
            String id = writer.post("/v3/oauth-clients", admin, Map.of("name", "seen " + i)).expect(200).field("id");
            long written = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                    .until(() -> reader.get("/v3/oauth-clients/" + id, admin).status() == 200);
            if (i >= 0) {
                delays[i] = System.nanoTime() - written;
            }
        }
        // The median is what a missing or broken notification moves (to the 1 s fallback poll); the p99 target is
        // measured by ./benchmark.sh scale-out on a quiet machine, not asserted among the suite's other processes.
        Percentiles latency = Percentiles.of(delays);
        System.out.println("read-after-write across processes: " + latency);
        assertThat(latency.p50()).as("read-after-write across processes, median in ms (%s)", latency)
                .isLessThanOrEqualTo(250);
    }

    private static void assertRevocationIsExactOnBothQuerySides(Api commands, List<Api> readers, String admin) {
        String owner = commands.createIdentity(admin, "Scaled owner", "USER");
        Api.Response pat = commands.createPat(admin, owner, "scaled", List.of("sp:scopes:all")).expect(200);
        String token = commands.token(pat.field("id"), pat.field("secret"));
        readers.forEach(reader -> await().untilAsserted(() ->
                reader.get("/v3/personal-access-tokens?owner-id=me", token).expect(200)));
        commands.delete("/v3/personal-access-tokens/" + pat.field("id"), admin).expect(204);
        readers.forEach(reader -> reader.get("/v3/personal-access-tokens?owner-id=me", token).expect(401));
    }

    private static Set<String> owners(MongoDatabase mongo) {
        return segmentsByOwner(mongo).keySet();
    }

    /** Who holds which segments of the read models' processors now (a claim is the owner in the token store). */
    private static Map<String, Set<Integer>> segmentsByOwner(MongoDatabase mongo) {
        Map<String, Set<Integer>> byOwner = new HashMap<>();
        int unit = 0;
        for (Document token : mongo.getCollection("trackingtokens").find(Filters.ne("processorName", "__config"))) {
            String owner = token.getString("owner");
            byOwner.computeIfAbsent(owner == null ? "(unclaimed)" : owner, o -> new HashSet<>()).add(unit++);
        }
        return byOwner;
    }

    /** Watches the token store every few milliseconds for the longest stretch any one segment had no owner. */
    private static final class UnownedSegments implements AutoCloseable {
        private final Thread watcher;
        private volatile boolean running = true;
        private volatile long longestNanos;

        UnownedSegments(MongoDatabase mongo) {
            watcher = new Thread(() -> {
                Map<String, Long> unownedSince = new HashMap<>();
                while (running) {
                    long now = System.nanoTime();
                    for (Document token : mongo.getCollection("trackingtokens")
                            .find(Filters.ne("processorName", "__config"))) {
                        String segment = token.getString("processorName") + "/" + token.get("segment");
                        if (token.getString("owner") == null) {
                            long since = unownedSince.computeIfAbsent(segment, s -> now);
                            longestNanos = Math.max(longestNanos, now - since);
                        } else {
                            unownedSince.remove(segment);
                        }
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "unowned-segments");
            watcher.setDaemon(true);
            watcher.start();
        }

        Duration longest() {
            return Duration.ofNanos(longestNanos);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            watcher.join(5_000);
        }
    }

    /** The owner id a query-side process claims segments as: its pid, as the heartbeat collection names it. */
    private static String owner(MongoDatabase mongo, ServiceProcess process) {
        for (Document instance : mongo.getCollection("query_side_instances").find()) {
            String id = instance.getString("_id");
            if (id.startsWith(process.pid() + "@")) {
                return id;
            }
        }
        return "(not registered)";
    }
}
