package dev.idcred.query.audit;

import dev.idcred.shared.audit.ListAuditEvents;
import dev.idcred.shared.common.AuditMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit trail is the event log itself, read back from the event store in log order: each event with its type,
 * instant, actor (from its metadata), subject (its aggregate) and payload less any secret hash. Nothing is copied,
 * so the trail can never disagree with the log, and a read-model rebuild never has to rewrite it. Events of no
 * aggregate (a call refused by a network rule) have the credential they name as their subject.
 */
@Component
class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The field of an event of no aggregate ({@code AccessRefused}) that names the credential it concerns. */
    private static final String CREDENTIAL_ID = "credentialId";

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuditEventPage list(ListAuditEvents query) {
        var where = new StringBuilder(" where 1 = 1");
        var parameters = new ArrayList<Object>();
        if (query.subjectId() != null) {
            // An aggregate's own events, and the events of no aggregate (refused calls) that name it.
            where.append(" and (aggregateIdentifier = ? or (type is null and"
                    + " convert_from(payload, 'UTF8')::jsonb ->> '" + CREDENTIAL_ID + "' = ?))");
            parameters.add(query.subjectId());
            parameters.add(query.subjectId());
        }
        if (query.actorId() != null) {
            where.append(" and (convert_from(metaData, 'UTF8')::jsonb ->> '" + AuditMetadata.ACTOR_ID + "') = ?");
            parameters.add(query.actorId());
        }
        if (query.from() != null) {
            where.append(" and timeStamp >= ?");
            parameters.add(DateTimeUtils.formatInstant(query.from()));
        }
        if (query.to() != null) {
            where.append(" and timeStamp < ?");
            parameters.add(DateTimeUtils.formatInstant(query.to()));
        }
        var page = new ArrayList<>(parameters);
        page.add(query.page().limit());
        page.add(query.page().offset());
        List<AuditEventView> entries = jdbc.query("select eventIdentifier, payloadType, timeStamp, "
                        + "aggregateIdentifier, metaData, payload, type from domainEventEntry" + where
                        + " order by globalIndex limit ? offset ?",
                (row, n) -> entry(row), page.toArray());
        long total = query.page().countTotal()
                ? jdbc.queryForObject("select count(*) from domainEventEntry" + where, Long.class, parameters.toArray())
                : -1;
        return new AuditEventPage(entries, total);
    }

    @SuppressWarnings("unchecked")
    private static AuditEventView entry(ResultSet row) throws SQLException {
        String payloadType = row.getString(2);
        JsonNode metaData = json(row.getBytes(5));
        JsonNode payload = json(row.getBytes(6));
        if (payload instanceof ObjectNode fields) {
            fields.properties().removeIf(field -> field.getKey().toLowerCase().contains("secret"));
        }
        JsonNode actor = metaData.get(AuditMetadata.ACTOR_ID);
        String subject = row.getString(4);
        if (row.getString(7) == null && payload.hasNonNull(CREDENTIAL_ID)) {
            subject = payload.get(CREDENTIAL_ID).asText();
        }
        return new AuditEventView(row.getString(1), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                Instant.parse(row.getString(3)), actor == null || actor.isNull() ? null : actor.asText(),
                subject, JSON.convertValue(payload, Map.class));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
