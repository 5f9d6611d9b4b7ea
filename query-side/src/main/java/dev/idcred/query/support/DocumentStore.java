package dev.idcred.query.support;

import org.bson.Document;

/**
 * Where a projection keeps its documents: fetched and stored whole, by id. Live projections write through to
 * MongoDB; a rebuild keeps them in memory and writes the final documents in bulk.
 */
public interface DocumentStore {

    /** The document with this id, or null. */
    Document get(String id);

    /** Stores the document under its {@code _id}, replacing any earlier version. */
    void put(Document document);
}
