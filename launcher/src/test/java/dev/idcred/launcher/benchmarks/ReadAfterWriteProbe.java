package dev.idcred.launcher.benchmarks;

import dev.idcred.launcher.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;

/**
 * While a create load runs, creates one more item every 50 ms and reads until a read shows it: the delay from the
 * create's answer to the first read that shows the item, as a client that writes then reads sees it.
 */
final class ReadAfterWriteProbe implements AutoCloseable {

    private volatile boolean running = true;
    private volatile String failure;
    private final List<Long> delays = new ArrayList<>();
    private final Thread thread;

    /** {@code create} makes the i-th item; {@code shows} reads and tells whether the i-th item, of this id, shows. */
    ReadAfterWriteProbe(IntFunction<Api.Response> create, BiPredicate<Integer, String> shows) {
        thread = new Thread(() -> {
            try {
                for (int i = 0; running; i++) {
                    String id = create.apply(i).expect(200).field("id");
                    long created = System.nanoTime();
                    while (!shows.test(i, id)) {
                        if (System.nanoTime() - created > Duration.ofSeconds(30).toNanos()) {
                            throw new IllegalStateException("item " + id + " not readable within 30 s");
                        }
                    }
                    synchronized (delays) {
                        delays.add(System.nanoTime() - created);
                    }
                    Workload.pause(Duration.ofMillis(50));
                }
            } catch (RuntimeException | AssertionError e) {
                failure = e.getMessage();
            }
        }, "read-after-write-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops probing; the delays seen, in nanoseconds. Fails if the probe failed. */
    long[] stop() {
        running = false;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("read-after-write probe failed: " + failure);
        }
        synchronized (delays) {
            return delays.stream().mapToLong(Long::longValue).toArray();
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
