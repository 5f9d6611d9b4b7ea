package dev.idcred.launcher;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.time.Duration;
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
 * runs under a shared lock, and the file is committed every {@link #COMMIT_INTERVAL} under the exclusive one: what a
 * crash leaves is always the state after some complete command. Views and their tracking tokens are written in that
 * order, so a crash loses at most the last interval's writes, which the processors apply again from their tokens.
 */
final class ReadModelFile extends H2Backend {

    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);

    private final ReadWriteLock commands = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    ReadModelFile(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
        committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-file-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitBetweenCommands, COMMIT_INTERVAL.toMillis(),
                COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
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
    public Document handleMessage(MongoMessage message) {
        commands.readLock().lock();
        try {
            return super.handleMessage(message);
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

    private void commitBetweenCommands() {
        if (!getMvStore().hasUnsavedChanges()) {
            return;
        }
        commands.writeLock().lock();
        try {
            commit();
        } finally {
            commands.writeLock().unlock();
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
