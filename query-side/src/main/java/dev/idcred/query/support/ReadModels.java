package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The read models' collections, by generation. The live projections write the current generation; a rebuild fills
 * the next one in memory, writes it in bulk, then makes it current. Generation 0 uses the plain names.
 */
public final class ReadModels {

    private final MongoDatabase database;
    private final IntSupplier generation;
    private final Map<String, BufferedDocumentStore> buffers;
    private final Map<String, String[]> indexesByCollection = new ConcurrentHashMap<>();
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    private ReadModels(MongoDatabase database, IntSupplier generation, boolean buffered) {
        this.database = database;
        this.generation = generation;
        this.buffers = buffered ? new LinkedHashMap<>() : null;
    }

    /** The generation the service reads and the live processors write: follows every switch. */
    public static ReadModels live(MongoDatabase database, ReadModelGenerations generations) {
        return new ReadModels(database, generations::current, false);
    }

    /** One generation, held in memory until {@link #flush()}: what a rebuild fills. */
    public static ReadModels buffered(MongoDatabase database, int generation) {
        return new ReadModels(database, () -> generation, true);
    }

    public static String nameOf(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }

    /** This generation's MongoDB collection, for queries, with an ascending index on each named field. */
    public MongoCollection<Document> collection(String name, String... indexedFields) {
        String fullName = nameOf(name, generation.getAsInt());
        MongoCollection<Document> collection = database.getCollection(fullName);
        if (indexed.add(fullName)) {
            for (String field : indexedFields) {
                collection.createIndex(Indexes.ascending(field), new IndexOptions().name(field));
            }
        }
        return collection;
    }

    /** Where projections keep this collection's documents: MongoDB itself, or memory during a rebuild. */
    public DocumentStore documents(String name, String... indexedFields) {
        if (buffers == null) {
            return new MongoDocumentStore(collection(name, indexedFields));
        }
        indexesByCollection.putIfAbsent(name, indexedFields);
        synchronized (buffers) {
            return buffers.computeIfAbsent(name, n -> new BufferedDocumentStore());
        }
    }

    /** Writes every document held in memory to this generation's collections; answers how many. */
    public long flush() {
        long written = 0;
        synchronized (buffers) {
            for (Map.Entry<String, BufferedDocumentStore> buffer : buffers.entrySet()) {
                written += buffer.getValue().writeTo(collection(buffer.getKey(),
                        indexesByCollection.getOrDefault(buffer.getKey(), new String[0])));
            }
        }
        return written;
    }
}
