package com.example.credentials.query.audit;

import com.example.credentials.shared.audit.ListAuditEvents;
import com.example.credentials.shared.common.AuditMetadata;
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
 * so the trail can never disagree with the log, and a read-model rebuild never has to rewrite it.
 */
@Component
class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuditEventPage list(ListAuditEvents query) {
        var where = new StringBuilder(" where 1 = 1");
        var parameters = new ArrayList<Object>();
        if (query.subjectId() != null) {
            where.append(" and aggregateIdentifier = ?");
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
                        + "aggregateIdentifier, metaData, payload from domainEventEntry" + where
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
        return new AuditEventView(row.getString(1), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                Instant.parse(row.getString(3)), actor == null || actor.isNull() ? null : actor.asText(),
                row.getString(4), JSON.convertValue(payload, Map.class));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
