package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/** A {@link DocumentStore} writing straight through to one MongoDB collection, by {@code _id}. */
final class MongoDocumentStore implements DocumentStore {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private final MongoCollection<Document> collection;

    MongoDocumentStore(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    @Override
    public Document get(String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }

    @Override
    public void put(Document document) {
        collection.replaceOne(Filters.eq("_id", document.get("_id")), document, UPSERT);
    }
}
