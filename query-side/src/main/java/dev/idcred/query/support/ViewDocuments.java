package dev.idcred.query.support;

import org.bson.Document;

import java.util.function.Consumer;

/**
 * A read model's documents, one per aggregate, each remembering the log position of the last event applied to it
 * ({@code position}). An event applies only to a document it is later than, so a replay or a redelivery changes
 * nothing. Deleted resources stay as tombstones ({@code deleted: true}) so a late redelivery cannot revive them.
 */
public class ViewDocuments {

    public static final String POSITION = "position";
    public static final String DELETED = "deleted";

    private final ReadModels readModels;
    private final String name;

    public ViewDocuments(ReadModels readModels, String name) {
        this.readModels = readModels;
        this.name = name;
    }

    /** Creates the document unless an event at or after {@code position} shaped it already; answers whether it did. */
    public boolean create(String id, long position, Document fields) {
        DocumentStore documents = documents();
        Document existing = documents.get(id);
        if (existing != null && positionOf(existing) >= position) {
            return false;
        }
        Document document = new Document("_id", id);
        document.putAll(fields);
        document.put(POSITION, position);
        document.put(DELETED, false);
        documents.put(document);
        return true;
    }

    /** Applies the change to the document if the event is later than the document; answers whether it did. */
    public boolean update(String id, long position, Consumer<Document> change) {
        DocumentStore documents = documents();
        Document document = documents.get(id);
        if (document == null || positionOf(document) >= position) {
            return false;
        }
        change.accept(document);
        document.put(POSITION, position);
        documents.put(document);
        return true;
    }

    public boolean markDeleted(String id, long position) {
        return update(id, position, document -> document.put(DELETED, true));
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

    public static long positionOf(Document document) {
        Object position = document.get(POSITION);
        return position instanceof Number number ? number.longValue() : -1;
    }
}
