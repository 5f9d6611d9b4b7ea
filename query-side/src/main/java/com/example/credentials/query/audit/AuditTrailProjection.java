package com.example.credentials.query.audit;

import com.example.credentials.query.support.ReadModels;
import com.example.credentials.shared.audit.ListAuditEvents;
import com.example.credentials.shared.common.AuditMetadata;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log as the audit trail: one entry per event, in log order, with the actor from the event's metadata,
 * the aggregate it concerns, and its payload without any secret hash. Keyed by event id, so redelivery is harmless.
 */
@Component
@ProcessingGroup("audit-trail")
public class AuditTrailProjection {

    static final String COLLECTION = "audit_events";
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final ReadModels readModels;

    public AuditTrailProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    private MongoCollection<Document> entries() {
        return readModels.collection(COLLECTION, "position", "subjectId", "actorId", "timestamp");
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        Object actor = event.getMetaData().get(AuditMetadata.ACTOR_ID);
        Document entry = new Document("_id", event.getIdentifier())
                .append("position", token.position().orElse(-1L))
                .append("type", event.getPayloadType().getSimpleName())
                .append("timestamp", Date.from(event.getTimestamp()))
                .append("actorId", actor == null ? null : actor.toString())
                .append("subjectId", event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null)
                .append("details", new Document(details(payload)));
        entries().replaceOne(Filters.eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    AuditEventPage list(ListAuditEvents query) {
        var conditions = new ArrayList<Bson>();
        if (query.subjectId() != null) {
            conditions.add(Filters.eq("subjectId", query.subjectId()));
        }
        if (query.actorId() != null) {
            conditions.add(Filters.eq("actorId", query.actorId()));
        }
        if (query.from() != null) {
            conditions.add(Filters.gte("timestamp", Date.from(query.from())));
        }
        if (query.to() != null) {
            conditions.add(Filters.lt("timestamp", Date.from(query.to())));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<AuditEventView> items = entries().find(filter)
                .sort(Sorts.ascending("position", "_id"))
                .skip(query.page().offset())
                .limit(query.page().limit())
                .map(AuditTrailProjection::view)
                .into(new ArrayList<>());
        long total = query.page().countTotal() ? entries().countDocuments(filter) : -1;
        return new AuditEventPage(items, total);
    }

    /** The payload's fields, less any secret hash: the trail may be shown to auditors, never a secret's trace. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Object payload) {
        Map<String, Object> fields = new LinkedHashMap<>(JSON.convertValue(payload, Map.class));
        fields.keySet().removeIf(key -> key.toLowerCase().contains("secret"));
        return fields;
    }

    private static AuditEventView view(Document d) {
        Document details = d.get("details", Document.class);
        return new AuditEventView(d.getString("_id"), d.getString("type"), d.getDate("timestamp").toInstant(),
                d.getString("actorId"), d.getString("subjectId"),
                details == null ? Map.of() : new LinkedHashMap<>(details));
    }
}
