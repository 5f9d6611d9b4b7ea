package dev.idcred.launcher.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The fixed workload, written through the public API as the admin: identities, API clients, and PATs spread over
 * owners ten to each (the most one may hold), from 8 threads. Answers only once every view shows what was written.
 */
final class Workload {

    private static final int THREADS = 8;

    private final Api api;
    private final AtomicInteger names = new AtomicInteger();
    private String token;
    private long tokenTakenAt;

    Workload(Api api) {
        this.api = api;
    }

    /** The admin's access token, taken again well before it expires. */
    synchronized String adminToken() {
        if (token == null || System.nanoTime() - tokenTakenAt > Duration.ofMinutes(4).toNanos()) {
            token = api.adminToken();
            tokenTakenAt = System.nanoTime();
        }
        return token;
    }

    /** Creates an API client whose secret obtains tokens: its id and secret. */
    Map.Entry<String, String> client(String name) {
        Api.Response created = api.post("/v3/oauth-clients", adminToken(), clientBody(name)).expect(200);
        return Map.entry(created.field("id"), created.field("secret"));
    }

    static Map<String, Object> clientBody(String name) {
        var body = new LinkedHashMap<String, Object>(Api.clientBody(name));
        body.put("description", "benchmark");
        return body;
    }

    List<String> identities(int count, String prefix) {
        return inParallel(count, i -> api.post("/v3/identities", adminToken(),
                Map.of("name", prefix + " " + names.incrementAndGet(), "kind", "USER")).expect(200).field("id"));
    }

    /** Writes API clients and PATs until each listing holds {@code total}. */
    void fillListingsTo(int total) {
        int clients = total - (int) count("/v3/oauth-clients");
        if (clients > 0) {
            inParallel(clients, i -> api.post("/v3/oauth-clients", adminToken(),
                    clientBody("seed " + names.incrementAndGet())).expect(200).field("id"));
        }
        int pats = total - (int) count("/v3/personal-access-tokens");
        if (pats > 0) {
            int owners = (pats + 9) / 10;
            List<String> fresh = identities(owners, "token owner");
            inParallel(pats, i -> api.post("/v3/personal-access-tokens", adminToken(), Map.of(
                    "name", "seed " + names.incrementAndGet(), "ownerId", fresh.get(i / 10),
                    "scope", List.of("sp:scopes:all"))).expect(200).field("id"));
        }
        awaitViewsCaughtUp();
    }

    long count(String listing) {
        awaitViewsCaughtUp();
        return Long.parseLong(api.get(listing + "?limit=1&count=true", adminToken()).expect(200).headers()
                .firstValue("X-Total-Count").orElseThrow());
    }

    /** Waits until every processor is at the head of the log. */
    void awaitViewsCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (maxLag() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the views did not catch up within 10 minutes");
            }
            pause(Duration.ofMillis(20));
        }
    }

    /** The largest number of events any processor has still to apply, as the health endpoint shows it. */
    long maxLag() {
        JsonNode processors = api.get("/actuator/health", null).body().path("components").path("processors")
                .path("details");
        long lag = 0;
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) processors::fields) {
            if (!entry.getKey().equals("maxLag")) { // the threshold above which health is DOWN, not a lag
                lag = Math.max(lag, entry.getValue().asLong());
            }
        }
        return lag;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> inParallel(int count, IntFunction<T> create) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> create.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
