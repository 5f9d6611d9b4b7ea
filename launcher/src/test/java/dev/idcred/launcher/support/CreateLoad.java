package dev.idcred.launcher.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Creates API clients from several threads as fast as the service answers, keeping the id of every create it
 * acknowledged (200) and counting every answer of the 5xx family. A call the service cannot answer at all (it is
 * down, the connection was refused or reset) is neither: it was never acknowledged.
 */
public final class CreateLoad implements AutoCloseable {

    private final Set<String> acknowledged;
    private final Map<Integer, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Duration between;

    /** {@code bases} answers the base URL for the next call (several command sides: spread over them). */
    public CreateLoad(Supplier<String> bases, String token, int threadCount, Set<String> acknowledged) {
        this(bases, token, threadCount, acknowledged, Duration.ZERO);
    }

    /** As above, each thread pausing {@code between} after each call: a paced load rather than a saturating one. */
    public CreateLoad(Supplier<String> bases, String token, int threadCount, Set<String> acknowledged,
                      Duration between) {
        this.acknowledged = acknowledged;
        this.between = between;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> run(bases, token), "create-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(Supplier<String> bases, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        int n = 0;
        while (running.get()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(bases.get() + "/v3/oauth-clients"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"load " + Thread.currentThread().getName()
                            + " " + n++ + "\"}")).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledged.add(Api.JSON.readTree(response.body()).path("id").asText());
                } else if (response.statusCode() >= 500) {
                    serverErrors.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                }
                if (!between.isZero()) {
                    Thread.sleep(between.toMillis());
                }
            } catch (IOException unanswered) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many answers of each 5xx status the load received. */
    public Map<Integer, Integer> serverErrors() {
        var counts = new java.util.TreeMap<Integer, Integer>();
        serverErrors.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(35_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
