package dev.idcred.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The query-side instances alive now, and how the read models' segments are shared among them. Each instance says it
 * is alive every {@code heartbeat} (a document stamped with the store's own clock); one silent for longer than
 * {@code instanceTimeout} no longer counts. Every instance deals the same deck: all segments of all processors, in
 * order, round-robin over the live instances in order, so each computes the same fair share, and each processor
 * claims (or releases) segments until it holds its share ({@link #shareOf}). An instance that joins is given
 * segments within a few claim intervals; one that dies has its segments taken over once their claims time out.
 * <p>
 * An instance counts in the deal only once it is {@linkplain #startClaiming claiming}: its processors run and the
 * service is ready. Until then it says it is alive with {@code claiming: false}, and the instances already serving
 * keep its share; so a joiner never makes them release segments that nobody would claim for seconds.
 */
public class QuerySideInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuerySideInstances.class);

    private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final MongoCollection<Document> instances;
    private final Map<String, Integer> segmentsByProcessor;
    private final long heartbeatMillis;
    private final long timeoutMillis;
    private volatile List<String> live = List.of(id);
    private volatile ScheduledExecutorService beat;
    private volatile boolean claiming;

    public QuerySideInstances(MongoDatabase database, Map<String, Integer> segmentsByProcessor,
                              ReadSideProperties properties) {
        this.instances = database.getCollection("query_side_instances");
        this.segmentsByProcessor = Map.copyOf(segmentsByProcessor);
        this.heartbeatMillis = properties.heartbeat().toMillis();
        this.timeoutMillis = properties.instanceTimeout().toMillis();
    }

    /** This instance's id: also the owner it claims segments as. */
    public String id() {
        return id;
    }

    public List<String> live() {
        return live;
    }

    /** How many of {@code processor}'s segments this instance should hold now. */
    public int shareOf(String processor) {
        return share(processor, segmentsByProcessor, live, id);
    }

    /** How many of {@code processor}'s segments the live instance {@code instance} should hold now. */
    public int shareOf(String processor, String instance) {
        return share(processor, segmentsByProcessor, live, instance);
    }

    /** The deal: every (processor, segment) in order, round-robin over the live instances in order. */
    static int share(String processor, Map<String, Integer> segmentsByProcessor, List<String> live, String me) {
        int seat = Math.max(live.indexOf(me), 0);
        int players = live.contains(me) ? live.size() : live.size() + 1;
        int card = 0;
        int mine = 0;
        for (String name : segmentsByProcessor.keySet().stream().sorted().toList()) {
            for (int segment = 0; segment < segmentsByProcessor.get(name); segment++) {
                if (card++ % players == seat && name.equals(processor)) {
                    mine++;
                }
            }
        }
        return mine;
    }

    /** From now on this instance counts in the deal: its processors run, so it claims what the others release. */
    public void startClaiming() {
        claiming = true;
        heartbeat();
    }

    @Override
    public void start() {
        heartbeat();
        beat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "query-side-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beat.scheduleWithFixedDelay(this::heartbeat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = beat;
        if (executor != null) {
            beat = null;
            executor.shutdown();
            try {
                // A heartbeat under way finishes, rather than being interrupted inside the driver.
                executor.awaitTermination(heartbeatMillis * 4, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            instances.deleteOne(Filters.eq("_id", id));
        } catch (RuntimeException e) {
            log.debug("Could not sign off instance {}: {}", id, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return beat != null;
    }

    /** Starts before Axon starts the processors, and stops after they have released their segments. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1024;
    }

    private synchronized void heartbeat() {
        try {
            instances.updateOne(Filters.eq("_id", id), Updates.combine(Updates.currentDate("seenAt"),
                    Updates.set("claiming", claiming)), new UpdateOptions().upsert(true));
            Document mine = instances.find(Filters.eq("_id", id)).first();
            Date now = mine == null ? new Date() : mine.getDate("seenAt");
            var alive = new ArrayList<String>();
            for (Document instance : instances.find()) {
                Date seen = instance.getDate("seenAt");
                boolean counts = instance.getBoolean("claiming", true) || id.equals(instance.getString("_id"));
                if (counts && seen != null && now.getTime() - seen.getTime() <= timeoutMillis) {
                    alive.add(instance.getString("_id"));
                }
            }
            if (!alive.contains(id)) {
                alive.add(id);
            }
            alive.sort(Comparator.naturalOrder());
            if (!alive.equals(live)) {
                log.info("Query-side instances alive: {}", alive);
            }
            live = List.copyOf(alive);
        } catch (RuntimeException e) {
            if (beat != null) {
                log.warn("Heartbeat of query-side instance {} failed: {}", id, e.toString());
            }
        }
    }
}
