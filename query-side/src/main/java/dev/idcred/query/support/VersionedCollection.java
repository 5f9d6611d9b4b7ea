package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.function.Consumer;

/**
 * A read-model collection whose documents remember the aggregate sequence number of the last event applied to them
 * ({@code version}). An event applies only to a document it is newer than, so a replay or a redelivery changes
 * nothing. Deleted resources stay as tombstones ({@code deleted: true}) so a late redelivery cannot revive them.
 * Every write reads and stores one document by id.
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

    /** Creates the document (merging into any placeholder), unless an event at or after {@code version} shaped it. */
    public void create(String id, long version, Document fields) {
        Document existing = documents().get(id);
        if (existing != null && versionOf(existing) >= version) {
            return;
        }
        Document document = existing != null ? existing : new Document("_id", id);
        document.putAll(fields);
        document.put(VERSION, version);
        document.put(DELETED, false);
        documents().put(document);
    }

    /** Applies the change to the document if the event is newer than the document. */
    public void update(String id, long version, Consumer<Document> change) {
        Document document = documents().get(id);
        if (document == null || versionOf(document) >= version) {
            return;
        }
        change.accept(document);
        document.put(VERSION, version);
        documents().put(document);
    }

    public void markDeleted(String id, long version) {
        update(id, version, document -> document.put(DELETED, true));
    }

    /** The document by id, live or deleted, or null. */
    public Document get(String id) {
        return documents().get(id);
    }

    /** Stores a document as it is, for fields derived from other documents rather than from one event. */
    public void put(Document document) {
        documents().put(document);
    }

    /** The collection itself, for queries. */
    public MongoCollection<Document> raw() {
        return readModels.collection(name, indexedFields);
    }

    private DocumentStore documents() {
        return readModels.documents(name, indexedFields);
    }

    private static long versionOf(Document document) {
        Object version = document.get(VERSION);
        return version instanceof Number number ? number.longValue() : -1;
    }
}
