package com.example.credentials.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The read models' collections, by generation. The live projections write the current generation; a rebuild fills
 * the next one from the log and then makes it current. Generation 0 uses the plain names.
 */
public final class ReadModels {

    private final MongoDatabase database;
    private final IntSupplier generation;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    private ReadModels(MongoDatabase database, IntSupplier generation) {
        this.database = database;
        this.generation = generation;
    }

    /** The generation the service reads and the live processors write: follows every switch. */
    public static ReadModels live(MongoDatabase database, ReadModelGenerations generations) {
        return new ReadModels(database, generations::current);
    }

    /** One fixed generation, for a rebuild that fills it. */
    public static ReadModels generation(MongoDatabase database, int generation) {
        return new ReadModels(database, () -> generation);
    }

    public static String nameOf(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }

    public int currentGeneration() {
        return generation.getAsInt();
    }

    /** The collection of this generation, with an ascending index on each named field (made once). */
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
}
