package dev.idcred.access.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.idcred.shared.common.AboutSubject;
import dev.idcred.shared.common.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail's index in PostgreSQL ({@code audit_entry}): one row per event, written by a subscribing
 * processor in the transaction that appends the event, by whichever side appends it. Each row says what happened
 * ({@code type}), when, who did it (the actor the command carried), what it concerned (its aggregate, or the subject
 * an event of no aggregate names) and the event's fields less any secret hash. The query side reads it through
 * {@link #page}; indexes on subject, actor and time answer every filter without reading the log.
 */
@Component
@ProcessingGroup(AuditIndex.GROUP)
public class AuditIndex {

    public static final String GROUP = "audit-index";
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** One entry of the trail. */
    public record Entry(String id, String type, Instant timestamp, String actorId, String actorCredentialId,
                        String subjectId, Map<String, Object> details) {
    }

    /** Which entries: every field may be null (no filter); {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String subjectId, String actorId, String actorCredentialId, String type, Instant from,
                         Instant to) {
    }

    /** A page of entries, and how many match in all (-1 unless asked). */
    public record Page(List<Entry> entries, long total) {
    }

    private final JdbcTemplate jdbc;

    public AuditIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        index(event);
    }

    /** Indexes one event of the log; indexing it again changes nothing. */
    public void index(EventMessage<?> event) {
        Object payload = event.getPayload();
        Object actor = event.getMetaData().get(AuditMetadata.ACTOR_ID);
        Object actorCredential = event.getMetaData().get(AuditMetadata.ACTOR_CREDENTIAL_ID);
        jdbc.update("""
                insert into audit_entry (event_id, type, occurred_at, actor_id, actor_credential_id, subject_id,
                    details)
                values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing""",
                event.getIdentifier(), payload.getClass().getSimpleName(), Timestamp.from(event.getTimestamp()),
                actor == null ? null : actor.toString(), actorCredential == null ? null : actorCredential.toString(),
                subjectOf(payload, event), details(payload));
    }

    /** Entries oldest first; every filter may be null. */
    public Page page(Filter filter, int limit, int offset, boolean countTotal) {
        var where = new StringBuilder(" where true");
        var parameters = new ArrayList<Object>();
        var equalities = new LinkedHashMap<String, String>();
        equalities.put("subject_id", filter.subjectId());
        equalities.put("actor_id", filter.actorId());
        equalities.put("actor_credential_id", filter.actorCredentialId());
        equalities.put("type", filter.type());
        equalities.forEach((column, value) -> {
            if (value != null) {
                where.append(" and ").append(column).append(" = ?");
                parameters.add(value);
            }
        });
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        var window = new ArrayList<>(parameters);
        window.add(limit);
        window.add(offset);
        List<Entry> entries = jdbc.query("select event_id, type, occurred_at, actor_id, actor_credential_id,"
                        + " subject_id, details::text from audit_entry" + where + " order by position limit ? offset ?",
                (row, n) -> new Entry(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getString(4), row.getString(5), row.getString(6), detailsOf(row.getString(7))),
                window.toArray());
        long total = countTotal ? jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class,
                parameters.toArray()) : -1;
        return new Page(entries, total);
    }

    private static String subjectOf(Object payload, EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            return domain.getAggregateIdentifier();
        }
        return payload instanceof AboutSubject about ? about.subjectId() : event.getIdentifier();
    }

    /** The event's fields, less every field that holds a secret's hash. */
    private static String details(Object payload) {
        ObjectNode fields = JSON.valueToTree(payload);
        fields.properties().removeIf(field -> field.getKey().toLowerCase(Locale.ROOT).contains("secret"));
        return fields.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detailsOf(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit entry details", e);
        }
    }
}
