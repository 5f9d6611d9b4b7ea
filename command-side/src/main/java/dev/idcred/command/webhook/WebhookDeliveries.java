package dev.idcred.command.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The webhook outbox ({@code webhook_delivery}): what is to be delivered, claimed by one instance at a time, and
 * what became of it, which is also each webhook's delivery log. Of the deliveries pending for one webhook and one
 * credential, only the earliest in the log is ever due: that is what keeps them in log order.
 */
@Component
class WebhookDeliveries {

    /** Deliveries are claimed for this long; a claim left by an instance that died is taken over after it. */
    static final Duration CLAIM = Duration.ofSeconds(60);

    enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

    /** One delivery and what became of it. */
    record Delivery(long deliveryId, String webhookId, String eventId, String eventType, String credentialId,
                    String payload, Status status, int attempts, Instant queuedAt, Instant nextAttemptAt,
                    Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt) {
    }

    private static final String COLUMNS = "delivery_id, webhook_id, event_id, event_type, credential_id, payload,"
            + " status, attempts, queued_at, next_attempt_at, last_attempt_at, last_status_code, last_error,"
            + " delivered_at";

    private static final RowMapper<Delivery> ROW = (row, n) -> new Delivery(row.getLong(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), row.getString(6), Status.valueOf(row.getString(7)),
            row.getInt(8), instant(row.getTimestamp(9)), instant(row.getTimestamp(10)), instant(row.getTimestamp(11)),
            (Integer) row.getObject(12), row.getString(13), instant(row.getTimestamp(14)));

    private final JdbcTemplate jdbc;

    WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery; queuing the same event for the same webhook again changes nothing. */
    void enqueue(String webhookId, String eventId, String eventType, String credentialId, long logPosition,
                 String payload, Instant now) {
        jdbc.update("""
                insert into webhook_delivery (webhook_id, event_id, event_type, credential_id, log_position, payload,
                    status, queued_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (webhook_id, event_id) do nothing""",
                webhookId, eventId, eventType, credentialId, logPosition, payload, Timestamp.from(now),
                Timestamp.from(now));
    }

    /**
     * Claims up to {@code limit} due deliveries, each the earliest pending one of its webhook and credential, none of
     * the webhooks in {@code busy} (those this instance already sends as much to as it will).
     */
    List<Delivery> claimDue(Instant now, int limit, Collection<String> busy) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(CLAIM_DUE);
            statement.setTimestamp(1, Timestamp.from(now.plus(CLAIM)));
            statement.setTimestamp(2, at);
            statement.setTimestamp(3, at);
            statement.setArray(4, connection.createArrayOf("varchar", busy.toArray()));
            statement.setInt(5, limit);
            return statement;
        }, ROW);
    }

    private static final String CLAIM_DUE = """
                update webhook_delivery set claimed_until = ?
                where delivery_id in (
                    select d.delivery_id from webhook_delivery d
                    where d.status = 'PENDING' and d.next_attempt_at <= ?
                      and (d.claimed_until is null or d.claimed_until < ?)
                      and not (d.webhook_id = any(?))
                      and not exists (select 1 from webhook_delivery e
                                      where e.webhook_id = d.webhook_id and e.credential_id = d.credential_id
                                        and e.status = 'PENDING' and e.log_position < d.log_position)
                    order by d.next_attempt_at, d.log_position limit ?
                    for update skip locked)
                returning""" + " " + COLUMNS;

    /** Gives a claimed delivery back, untried, for this or another instance to send. */
    void release(long deliveryId) {
        jdbc.update("update webhook_delivery set claimed_until = null where delivery_id = ?", deliveryId);
    }

    void delivered(long deliveryId, int statusCode, Instant now) {
        jdbc.update("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
                    last_status_code = ?, last_error = null, delivered_at = ?, claimed_until = null
                where delivery_id = ?""", Timestamp.from(now), statusCode, Timestamp.from(now), deliveryId);
    }

    /** A failed attempt: retried at {@code retryAt}, or given up ({@code FAILED}) when that is null. */
    void failed(long deliveryId, Integer statusCode, String error, Instant now, Instant retryAt) {
        jdbc.update("""
                update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?,
                    last_status_code = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    claimed_until = null
                where delivery_id = ?""", retryAt == null ? Status.FAILED.name() : Status.PENDING.name(),
                Timestamp.from(now), statusCode, error == null ? null : cut(error),
                retryAt == null ? null : Timestamp.from(retryAt), deliveryId);
    }

    /** Delivers again (a day of retries from now), whatever became of it; empty if the webhook has no such one. */
    Optional<Delivery> redeliver(String webhookId, long deliveryId, Instant now) {
        int updated = jdbc.update("""
                update webhook_delivery set status = 'PENDING', queued_at = ?, next_attempt_at = ?,
                    claimed_until = null, delivered_at = null
                where webhook_id = ? and delivery_id = ? and status <> 'CANCELLED'""",
                Timestamp.from(now), Timestamp.from(now), webhookId, deliveryId);
        return updated == 0 ? Optional.empty() : find(webhookId, deliveryId);
    }

    Optional<Delivery> find(String webhookId, long deliveryId) {
        return jdbc.query("select " + COLUMNS + " from webhook_delivery where webhook_id = ? and delivery_id = ?",
                ROW, webhookId, deliveryId).stream().findFirst();
    }

    /** The webhook's delivery log, newest first. */
    List<Delivery> log(String webhookId, int limit, int offset) {
        return jdbc.query("select " + COLUMNS + " from webhook_delivery where webhook_id = ?"
                + " order by delivery_id desc limit ? offset ?", ROW, webhookId, limit, offset);
    }

    long count(String webhookId) {
        Long count = jdbc.queryForObject("select count(*) from webhook_delivery where webhook_id = ?", Long.class,
                webhookId);
        return count == null ? 0 : count;
    }

    private static String cut(String error) {
        return error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
