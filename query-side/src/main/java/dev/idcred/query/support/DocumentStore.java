package dev.idcred.query.support;

import org.bson.Document;

import java.util.Collection;
import java.util.List;

/**
 * Where a projection keeps its documents: fetched and stored whole, by id, the one access the embedded wire-protocol
 * server answers from an index. Live projections write through a batch that is flushed once per processor batch
 * (see {@link ReadModelBatch}); a rebuild keeps them in memory and writes the final documents in bulk.
 */
public interface DocumentStore {

    /** The document with this id, or null. */
    Document get(String id);

    /** The documents with these ids that exist, in no particular order: one query however many. */
    List<Document> getAll(Collection<String> ids);

    /** Stores the document under its {@code _id}, replacing any earlier version. */
    void put(Document document);

    /** Removes the document with this id, if there is one. */
    void delete(String id);
}
