package dev.idcred.launcher;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded read models' H2 file, committed only between commands. mongo-java-server keeps a collection's
 * documents and its {@code _id} index in separate maps of one MVStore; H2's own background commit may write the file
 * between the two puts of one insert, and after a {@code kill -9} the file then holds a document its index lacks, so
 * every later upsert of it fails ("already existed") and its view's processor is stuck for good. Here every command
 * that writes runs under a shared lock, and the file is committed every {@link #COMMIT_INTERVAL} under the exclusive
 * one: what a crash leaves is always the state after some complete command. Reads take no lock. Views and their
 * tracking tokens are written in that order, so a crash loses at most the last interval's writes, which the
 * processors apply again from their tokens.
 * <p>
 * The file stays in proportion to what it holds. Nothing in H2 maintains a store opened without auto-commit, so this
 * does what its background writer would: each commit is forced to disk, which lets the space of chunks that no longer
 * hold live pages be reused after {@link #RETENTION} instead of H2's default 45 s (the file grew by everything written
 * in that window, several hundred MB under steady updates); and while the live share of the chunks is below
 * {@link #TARGET_FILL} percent, each commit is followed by a rewrite of at most {@link #COMPACT_BYTES} of the emptiest
 * chunks' live pages, beside the commands (never under the lock), written by the next commit. Opening the file moves its chunks together
 * and truncates it, so a restart gives back what the last run freed.
 */
final class ReadModelFile extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFile.class);

    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    static final Duration RETENTION = Duration.ofSeconds(1);
    static final int TARGET_FILL = 50;
    static final int COMPACT_BYTES = 4 << 20;
    private static final int OPEN_COMPACTION_MILLIS = 5_000;

    private final ReadWriteLock commands = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    ReadModelFile(String fileName) {
        super(openCompacted(fileName));
        getMvStore().setRetentionTime((int) RETENTION.toMillis());
        committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-file-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitBetweenCommands, COMMIT_INTERVAL.toMillis(),
                COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Commands that change nothing: they never wait for a commit (a commit stores a version of the maps and leaves
     * them readable), which under load on two cores took 200-400 ms of every read's time. Any other command writes,
     * or might (an aggregation may end in {@code $out}), and runs under the shared lock. A message (OP_MSG) is one
     * command, which the backend hands to this method.
     */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct",
            "listcollections", "listindexes", "listdatabases", "killcursors", "dbstats", "collstats", "ping", "hello",
            "ismaster", "buildinfo", "whatsmyuri", "getparameter", "serverstatus", "connectionstatus", "hostinfo",
            "getcmdlineopts", "getlasterror", "endsessions", "getlog");

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (READS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        commands.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commands.readLock().unlock();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        commands.readLock().lock();
        try {
            return super.handleQuery(query);
        } finally {
            commands.readLock().unlock();
        }
    }

    @Override
    public void dropDatabase(String databaseName) {
        commands.readLock().lock();
        try {
            super.dropDatabase(databaseName);
        } finally {
            commands.readLock().unlock();
        }
    }

    private static MVStore openCompacted(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        long before = store.getFileStore().size();
        long started = System.nanoTime();
        store.compactFile(OPEN_COMPACTION_MILLIS);
        log.info("Read-model file compacted at open: {} MB to {} MB in {} ms", before >> 20,
                store.getFileStore().size() >> 20, (System.nanoTime() - started) / 1_000_000);
        return store;
    }

    /**
     * Commits under the exclusive lock (between commands); forces the file to disk and compacts outside it, so
     * commands wait only for the commit itself. A compaction's rewrites change no content: the next commit writes
     * them like any command's.
     */
    private void commitBetweenCommands() {
        MVStore store = getMvStore();
        if (!store.hasUnsavedChanges()) {
            return;
        }
        try {
            commands.writeLock().lock();
            try {
                commit();
            } finally {
                commands.writeLock().unlock();
            }
            store.getFileStore().sync();
            if (store.getFileStore().getChunksFillRate() < TARGET_FILL) {
                store.compact(TARGET_FILL, COMPACT_BYTES);
            }
        } catch (RuntimeException e) {
            log.warn("Could not commit the read-model file: {}", e.toString());
        }
    }

    /** Commits what the last commands wrote and closes the file. */
    @Override
    public void close() {
        committer.shutdownNow();
        commands.writeLock().lock();
        try {
            super.close();
        } finally {
            commands.writeLock().unlock();
        }
    }
}
