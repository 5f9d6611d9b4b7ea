package com.example.credentials.query.support;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A read-model collection whose documents remember the aggregate sequence number of the last event applied to them
 * ({@code version}). An event applies only to a document it is newer than, so a replay or a redelivery changes
 * nothing. Deleted resources stay as tombstones ({@code deleted: true}) so a late redelivery cannot revive them.
 */
public class VersionedCollection {

    public static final String VERSION = "version";
    public static final String DELETED = "deleted";

    private final ReadModels readModels;
    private final String name;
    private final String[] indexedFields;

    public VersionedCollection(ReadModels readModels, String name, String... indexedFields) {
        this.readModels = readModels;
        this.name = name;
        this.indexedFields = indexedFields;
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(name, indexedFields);
    }

    /** Creates the document, or does nothing if an event at or after {@code version} already shaped it. */
    public void create(String id, long version, Document fields) {
        Bson set = Updates.combine(fields.entrySet().stream()
                .map(e -> Updates.set(e.getKey(), e.getValue())).toList());
        try {
            collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version)),
                    Updates.combine(set, Updates.set(VERSION, version), Updates.set(DELETED, false)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Applies the change to the document if the event is newer than the document. */
    public void update(String id, long version, Bson change) {
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version)),
                Updates.combine(change, Updates.set(VERSION, version)));
    }

    public void markDeleted(String id, long version) {
        update(id, version, Updates.set(DELETED, true));
    }

    /** Sets a field on every live document matching the filter, whatever its version (for other aggregates' news). */
    public void updateAll(Bson filter, Bson change) {
        collection().updateMany(Filters.and(filter, Filters.eq(DELETED, false)), change);
    }

    public MongoCollection<Document> raw() {
        return collection();
    }
}
