package dev.idcred.launcher.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load generator: Debian's {@code wrk} with 8 connections on 2 threads, a warm-up run (discarded), then the measured
 * run. Its Lua scripts (under {@code benchmarks/wrk}) print one machine-readable line, read back as a {@link Run}.
 */
final class Wrk {

    static final int CONNECTIONS = 8;
    static final int THREADS = 2;

    /** One measured run: requests answered, over how long, latency percentiles, and what was not a success. */
    record Run(long requests, double seconds, double p50Millis, double p99Millis, double maxMillis, long rejected,
               long failed, String machine) {

        double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,.0f/s, p50 %.2f ms, p99 %.2f ms%s%s", perSecond(), p50Millis, p99Millis,
                    rejected + failed == 0 ? "" : String.format(" (%d rejected, %d failed)", rejected, failed),
                    machine);
        }
    }

    private final Path repository;
    private final Duration warmUp;
    private final Duration measured;

    Wrk(Path repository, Duration warmUp, Duration measured) {
        this.repository = repository;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    Duration measured() {
        return measured;
    }

    /** Warms up, then measures {@code script} against {@code url} with these environment variables. */
    Run measure(String script, String url, Map<String, String> environment) {
        if (!warmUp.isZero()) {
            run(script, url, environment, warmUp);
        }
        return run(script, url, environment, measured);
    }

    /** One run of the given length, without warm-up. */
    Run run(String script, String url, Map<String, String> environment, Duration length) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS,
                "-d" + Math.max(1, length.toSeconds()) + "s", "--timeout", "10s",
                "-s", "benchmarks/wrk/" + script + ".lua", url));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("THREADS", Integer.toString(THREADS));
        Machine before = Machine.now();
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            return output.lines().filter(line -> line.startsWith("WRK ")).findFirst()
                    .map(line -> parse(line.substring(4), Machine.since(before)))
                    .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run parse(String json, String machine) {
        try {
            JsonNode line = Api.JSON.readTree(json);
            return new Run(line.path("requests").asLong(), line.path("duration_us").asLong() / 1e6,
                    line.path("p50_us").asLong() / 1e3, line.path("p99_us").asLong() / 1e3,
                    line.path("max_us").asLong() / 1e3, line.path("rejected").asLong(),
                    line.path("failed").asLong(), machine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
