package dev.idcred.query.support;

import org.bson.Document;

import java.util.function.Consumer;

/**
 * A read model's documents, one per aggregate, each remembering the sequence number of its aggregate's last event
 * applied to it ({@code version}). An event applies only to a document it is later than, so a replay or a redelivery
 * changes nothing, and a rebuild writes the same number. Deleted resources stay as tombstones ({@code deleted: true})
 * so a late redelivery cannot revive them.
 */
public class ViewDocuments {

    public static final String VERSION = "version";
    public static final String DELETED = "deleted";

    private final ReadModels readModels;
    private final String name;

    public ViewDocuments(ReadModels readModels, String name) {
        this.readModels = readModels;
        this.name = name;
    }

    /** Creates the document unless an event at or after {@code version} shaped it already; answers whether it did. */
    public boolean create(String id, long version, Document fields) {
        DocumentStore documents = documents();
        Document existing = documents.get(id);
        if (existing != null && versionOf(existing) >= version) {
            return false;
        }
        Document document = new Document("_id", id);
        document.putAll(fields);
        document.put(VERSION, version);
        document.put(DELETED, false);
        documents.put(document);
        return true;
    }

    /** Applies the change to the document if the event is later than the document; answers whether it did. */
    public boolean update(String id, long version, Consumer<Document> change) {
        DocumentStore documents = documents();
        Document document = documents.get(id);
        if (document == null || versionOf(document) >= version) {
            return false;
        }
        change.accept(document);
        document.put(VERSION, version);
        documents.put(document);
        return true;
    }

    public boolean markDeleted(String id, long version) {
        return update(id, version, document -> document.put(DELETED, true));
    }

    /** The document by id, live or deleted, or null. */
    public Document get(String id) {
        return documents().get(id);
    }

    /** The live document by id, or null. */
    public Document live(String id) {
        Document document = get(id);
        return document == null || document.getBoolean(DELETED, false) ? null : document;
    }

    public String name() {
        return name;
    }

    private DocumentStore documents() {
        return readModels.documents(name);
    }

    public static long versionOf(Document document) {
        Object version = document.get(VERSION);
        return version instanceof Number number ? number.longValue() : -1;
    }
}
