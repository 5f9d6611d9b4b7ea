package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The read models' collections, by generation. The live projections write the current generation through each
 * processor batch ({@link ReadModelBatch}); a rebuild fills the next one in memory, writes it in bulk, then makes it
 * current. Generation 0 uses the plain names. Every read and write is by {@code _id} (or {@code _id $in}): the only
 * queries the embedded wire-protocol server answers without reading the whole collection, and ones every MongoDB
 * answers from the index it always has.
 */
public final class ReadModels {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final int BULK = 1000;

    private final MongoDatabase database;
    private final IntSupplier generation;
    private final ReadModelGenerations generations;
    private final Map<String, Map<String, Document>> buffers;

    private ReadModels(MongoDatabase database, IntSupplier generation, ReadModelGenerations generations,
                       boolean buffered) {
        this.database = database;
        this.generation = generation;
        this.generations = generations;
        this.buffers = buffered ? new LinkedHashMap<>() : null;
    }

    /**
     * The generation the service reads and the live processors write: follows every switch. A processor batch
     * reads and writes the generation it was pinned to when it began ({@link ReadModelBatch}).
     */
    public static ReadModels live(MongoDatabase database, ReadModelGenerations generations) {
        return new ReadModels(database, generations::current, generations, false);
    }

    /** One generation, held in memory until {@link #flush()}: what a rebuild fills. */
    public static ReadModels buffered(MongoDatabase database, int generation) {
        return new ReadModels(database, () -> generation, null, true);
    }

    public static String nameOf(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }

    /** This generation's MongoDB collection, for queries by id. */
    public MongoCollection<Document> collection(String name) {
        return database.getCollection(nameOf(name, generation.getAsInt()));
    }

    /** Where projections keep this collection's documents. */
    public DocumentStore documents(String name) {
        return documents(name, 0);
    }

    /** As {@link #documents(String)}, written in a processor batch after the documents of earlier stages. */
    public DocumentStore documents(String name, int stage) {
        if (buffers != null) {
            Map<String, Document> buffer;
            synchronized (buffers) {
                buffer = buffers.computeIfAbsent(name, n -> new LinkedHashMap<>());
            }
            return new DocumentStore() {
                @Override
                public Document get(String id) {
                    return buffer.get(id);
                }

                @Override
                public List<Document> getAll(Collection<String> ids) {
                    return ids.stream().distinct().map(buffer::get).filter(Objects::nonNull).toList();
                }

                @Override
                public void put(Document document) {
                    buffer.put((String) document.get("_id"), document);
                }

                @Override
                public void delete(String id) {
                    buffer.remove(id);
                }
            };
        }
        return new DocumentStore() {
            @Override
            public Document get(String id) {
                ReadModelBatch batch = ReadModelBatch.current(generations);
                return batch != null ? batch.get(in(batch), stage, id)
                        : collection(name).find(Filters.eq("_id", id)).first();
            }

            @Override
            public List<Document> getAll(Collection<String> ids) {
                ReadModelBatch batch = ReadModelBatch.current(generations);
                if (batch != null) {
                    MongoCollection<Document> collection = in(batch);
                    return ids.stream().distinct().map(id -> batch.get(collection, stage, id))
                            .filter(Objects::nonNull).toList();
                }
                return ids.isEmpty() ? List.of()
                        : collection(name).find(Filters.in("_id", ids)).into(new ArrayList<>());
            }

            @Override
            public void put(Document document) {
                ReadModelBatch batch = ReadModelBatch.current(generations);
                if (batch != null) {
                    batch.put(in(batch), stage, document);
                } else {
                    collection(name).replaceOne(Filters.eq("_id", document.get("_id")), document, UPSERT);
                }
            }

            @Override
            public void delete(String id) {
                ReadModelBatch batch = ReadModelBatch.current(generations);
                if (batch != null) {
                    batch.delete(in(batch), stage, id);
                } else {
                    collection(name).deleteOne(Filters.eq("_id", id));
                }
            }

            private MongoCollection<Document> in(ReadModelBatch batch) {
                return database.getCollection(nameOf(name, batch.generation()));
            }
        };
    }

    /** The documents held in memory, by collection: what a rebuild would write. */
    Map<String, Map<String, Document>> buffered() {
        return buffers;
    }

    /** The collections held in memory: every collection of the read models a rebuild writes. */
    public Set<String> collectionNames() {
        synchronized (buffers) {
            return Set.copyOf(buffers.keySet());
        }
    }

    /**
     * Writes every document held in memory to this generation's collections, calling {@code afterEachBulk} after
     * each thousand; answers how many.
     */
    public long flush(Runnable afterEachBulk) {
        long written = 0;
        synchronized (buffers) {
            for (Map.Entry<String, Map<String, Document>> buffer : buffers.entrySet()) {
                MongoCollection<Document> collection = collection(buffer.getKey());
                List<Document> batch = new ArrayList<>(BULK);
                for (Document document : buffer.getValue().values()) {
                    batch.add(document);
                    if (batch.size() == BULK) {
                        collection.insertMany(batch, new InsertManyOptions().ordered(false));
                        batch = new ArrayList<>(BULK);
                        afterEachBulk.run();
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch, new InsertManyOptions().ordered(false));
                }
                written += buffer.getValue().size();
            }
        }
        return written;
    }
}
