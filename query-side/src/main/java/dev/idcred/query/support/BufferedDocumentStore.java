package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link DocumentStore} in memory, for a rebuild: the final documents go to MongoDB in bulk, once. */
final class BufferedDocumentStore implements DocumentStore {

    private static final int BATCH = 1000;
    private final Map<String, Document> documents = new LinkedHashMap<>();

    @Override
    public Document get(String id) {
        return documents.get(id);
    }

    @Override
    public void put(Document document) {
        documents.put((String) document.get("_id"), document);
    }

    long writeTo(MongoCollection<Document> collection) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (Document document : documents.values()) {
            batch.add(document);
            if (batch.size() == BATCH) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
        return documents.size();
    }
}
