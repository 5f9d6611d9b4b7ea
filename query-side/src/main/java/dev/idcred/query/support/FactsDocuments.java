package dev.idcred.query.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;

/** The shared language's facts records as read-model documents, and back: the fold's state kept as it is. */
public final class FactsDocuments {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FactsDocuments() {
    }

    public static Document of(Object facts) {
        try {
            return Document.parse(JSON.writeValueAsString(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + facts.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(Document document, Class<T> type) {
        if (document == null) {
            return null;
        }
        try {
            return JSON.readValue(document.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in a read model", e);
        }
    }
}
