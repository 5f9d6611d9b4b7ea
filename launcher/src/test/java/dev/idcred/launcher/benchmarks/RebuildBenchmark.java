package dev.idcred.launcher.benchmarks;

import dev.idcred.launcher.support.EventLogWriter;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.query.rebuild.ReadModelRebuild;
import dev.idcred.query.rebuild.RebuildProgress;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How fast every read model is rebuilt from the log into the embedded stores. Fixed workload: {@code rounds} owners
 * written by 16 parallel writers through the command bus (the live processors paused meanwhile), about 35 events
 * each (every event type; 3000 rounds give over 100,000 events); then a full rebuild. Baseline in the same run: reading the whole log through the same event
 * store without applying it. Run: {@code ./benchmark.sh rebuild}.
 */
public final class RebuildBenchmark {

    public static void main(String[] args) throws Exception {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 3000);
        } finally {
            System.exit(0);
        }
    }

    static void run(int rounds) throws Exception {
        int writers = 16;
        try (RunningService service = RunningService.start(RunningService.newDataDir(), "--credentials.webhooks.allow-loopback=true")) {
            // The live read models are not what is measured: they would only compete with the writers for the cores.
            service.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .forEach(processor -> ((StreamingEventProcessor) processor).shutdownAsync().join());
            var writer = new EventLogWriter(service.bean(CommandGateway.class));
            long writeStart = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            for (int w = 0; w < writers; w++) {
                String prefix = "writer" + w;
                int share = rounds / writers + (w < rounds % writers ? 1 : 0);
                pool.submit(() -> writer.writeRounds(prefix, share));
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("writers did not finish");
            }
            long events = service.bean(JdbcTemplate.class).queryForObject("select count(*) from domainEventEntry",
                    Long.class);
            System.out.printf("RESULT log written: %d events in %.1f s%n", events, (System.nanoTime() - writeStart) / 1e9);

            EventStore store = service.bean(EventStore.class);
            long readStart = System.nanoTime();
            long read = 0;
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                while (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                    stream.nextAvailable().getPayload();
                    read++;
                }
            }
            double readRate = read / ((System.nanoTime() - readStart) / 1e9 - 0.2);

            ReadModelRebuild rebuild = service.bean(ReadModelRebuild.class);
            long rebuildStart = System.nanoTime();
            rebuild.start();
            RebuildProgress progress;
            do {
                Thread.sleep(200);
                progress = rebuild.progress();
            } while (progress.state() != RebuildProgress.State.DONE && progress.state() != RebuildProgress.State.FAILED);
            double seconds = (System.nanoTime() - rebuildStart) / 1e9;
            double rebuildRate = progress.eventsDone() / seconds;
            System.out.printf("RESULT baseline, reading the log without applying it: %.0f events/s%n", readRate);
            System.out.printf("RESULT rebuild of every read model: %d events in %.1f s = %.0f events/s (%s)%n",
                    progress.eventsDone(), seconds, rebuildRate, progress.state());
            double ratio = rebuildRate / readRate;
            System.out.printf("RESULT ratio rebuild / reading the log: %.2f [target >= 0.25 over >= 100,000 events: %s]%n",
                    ratio, ratio >= 0.25 && progress.eventsDone() >= 100_000 ? "met" : "MISSED");
        }
    }
}
