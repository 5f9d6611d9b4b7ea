package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents one batch of a processor reads and writes: read once, changed in memory, written in bulk when the
 * batch's last event has been handled ({@link ReadModelBatchFlush}), before the processor stores its token. So a
 * batch of a hundred events costs a handful of round trips instead of hundreds, and a crash between the writes and
 * the token only makes the next owner apply the batch again, which every projection tolerates. Documents of a later
 * {@code stage} are written after those of an earlier one (an ordered listing's pages after its items). A batch
 * belongs to one generation of the read models ({@link ReadModelGenerations}): the one serving when it began.
 */
public final class ReadModelBatch {

    private static final String RESOURCE = ReadModelBatch.class.getName();
    /** What a deleted document is written as until the flush removes it. */
    private static final Document DELETED = new Document();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    /** One collection's documents in this batch: read (null: absent) and written, in order of their last write. */
    private static final class Pending {
        private final MongoCollection<Document> collection;
        private final int stage;
        private final Map<String, Document> read = new HashMap<>();
        private final Map<String, Document> written = new LinkedHashMap<>();
        private boolean prefetched;

        private Pending(MongoCollection<Document> collection, int stage) {
            this.collection = collection;
            this.stage = stage;
        }

        MongoCollection<Document> collection() {
            return collection;
        }

        int stage() {
            return stage;
        }

        Map<String, Document> read() {
            return read;
        }

        Map<String, Document> written() {
            return written;
        }
    }

    private final Map<String, Pending> byCollection = new LinkedHashMap<>();
    private final ReadModelGenerations generations;
    private final int generation;
    /** The aggregates of the batch's events: the documents of a collection it will most likely read. */
    private final Set<String> aggregates;

    private ReadModelBatch(ReadModelGenerations generations, Set<String> aggregates) {
        this.generations = generations;
        this.generation = generations.current();
        this.aggregates = aggregates;
    }

    /**
     * The batch of the event-processing unit of work on this thread, or null outside one. A new batch is pinned to
     * the generation serving now: it reads and writes that generation only, and its write waits out a rebuild's
     * fence and is refused if the generation switched ({@link #flush()}).
     */
    static ReadModelBatch current(ReadModelGenerations generations) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root.getMessage() instanceof EventMessage<?>)) {
            return null;
        }
        return root.getOrComputeResource(RESOURCE, key -> new ReadModelBatch(generations, aggregatesOf(root)));
    }

    private static Set<String> aggregatesOf(UnitOfWork<?> root) {
        var aggregates = new HashSet<String>();
        if (root instanceof BatchingUnitOfWork<?> batch) {
            for (Object message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                    aggregates.add(event.getAggregateIdentifier());
                }
            }
        }
        return aggregates;
    }

    /** The generation this batch reads and writes. */
    int generation() {
        return generation;
    }

    /** Writes what the batch of {@code unitOfWork} changed, if anything, and forgets it. */
    static void flush(UnitOfWork<?> unitOfWork) {
        ReadModelBatch batch = unitOfWork.root().getResource(RESOURCE);
        if (batch != null) {
            unitOfWork.root().resources().remove(RESOURCE);
            batch.flush();
        }
    }

    Document get(MongoCollection<Document> collection, int stage, String id) {
        Pending pending = pending(collection, stage);
        Document written = pending.written().get(id);
        if (written != null) {
            return written == DELETED ? null : written;
        }
        if (!pending.read().containsKey(id)) {
            if (!pending.prefetched && aggregates.contains(id)) {
                prefetch(collection, pending);
            } else {
                pending.read().put(id, collection.find(Filters.eq("_id", id)).first());
            }
        }
        return pending.read().get(id);
    }

    /**
     * Reads the documents of every aggregate of the batch from {@code collection} in one query (those it lacks are
     * remembered as absent): a batch of a hundred new items costs one read instead of a hundred.
     */
    private void prefetch(MongoCollection<Document> collection, Pending pending) {
        pending.prefetched = true;
        List<String> ids = aggregates.stream().filter(id -> !pending.read().containsKey(id)).toList();
        ids.forEach(id -> pending.read().put(id, null));
        for (Document found : collection.find(Filters.in("_id", ids))) {
            pending.read().put((String) found.get("_id"), found);
        }
    }

    /** Writes are flushed in the order of each document's last write, so what an event writes last lands last. */
    void put(MongoCollection<Document> collection, int stage, Document document) {
        Map<String, Document> written = pending(collection, stage).written();
        String id = (String) document.get("_id");
        written.remove(id);
        written.put(id, document);
    }

    void delete(MongoCollection<Document> collection, int stage, String id) {
        Map<String, Document> written = pending(collection, stage).written();
        written.remove(id);
        written.put(id, DELETED);
    }

    private Pending pending(MongoCollection<Document> collection, int stage) {
        return byCollection.computeIfAbsent(collection.getNamespace().getFullName(),
                name -> new Pending(collection, stage));
    }

    /**
     * Writes in bulk, once no rebuild's fence stands and only if the generation this batch read is still current:
     * otherwise {@link ReadModelGenerations.GenerationSwitched} rolls the batch back, to be applied again.
     */
    private void flush() {
        if (byCollection.values().stream().allMatch(pending -> pending.written().isEmpty())) {
            return;
        }
        generations.stillWritable(generation);
        List<Pending> inOrder = new ArrayList<>(byCollection.values());
        inOrder.sort((a, b) -> Integer.compare(a.stage(), b.stage()));
        for (Pending pending : inOrder) {
            if (pending.written().isEmpty()) {
                continue;
            }
            var writes = new ArrayList<WriteModel<Document>>(pending.written().size());
            pending.written().forEach((id, document) -> writes.add(document == DELETED
                    ? new DeleteOneModel<>(Filters.eq("_id", id))
                    : new ReplaceOneModel<>(Filters.eq("_id", id), document, UPSERT)));
            pending.collection().bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        byCollection.clear();
    }
}
