package dev.idcred.command.webhook;

import dev.idcred.command.CommandSideConfiguration;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.webhook.WebhookChanged;
import dev.idcred.shared.webhook.WebhookDeleted;
import dev.idcred.shared.webhook.WebhookRegistered;
import dev.idcred.shared.webhook.WebhookSecretRotated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The webhooks as the log leaves them ({@code webhook}), kept in the transaction that appends their events, like the
 * rest of the command side's directory; and what the outbox and the API read of them.
 */
@Component
@ProcessingGroup(CommandSideConfiguration.DIRECTORY_GROUP)
class WebhookDirectory {

    /** A registered webhook. */
    record Registration(String webhookId, String url, List<String> eventTypes, String description, String secretSalt,
                        boolean enabled, Instant registeredAt) {
    }

    private static final String COLUMNS =
            "webhook_id, url, event_types, description, secret_salt, enabled, registered_at";

    private final JdbcTemplate jdbc;

    WebhookDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookRegistered event, EventMessage<?> message) {
        Object registrant = message.getMetaData().get(AuditMetadata.ACTOR_ID);
        jdbc.update("insert into webhook (" + COLUMNS + ", registered_by) values (?, ?, ?, ?, ?, true, ?, ?)"
                        + " on conflict do nothing", event.webhookId(), event.url(),
                String.join(",", event.eventTypes()), event.description(), event.secretSalt(),
                Timestamp.from(event.registeredAt()), registrant == null ? null : registrant.toString());
    }

    @EventHandler
    void on(WebhookChanged event) {
        jdbc.update("update webhook set url = ?, event_types = ?, description = ?, enabled = ? where webhook_id = ?",
                event.url(), String.join(",", event.eventTypes()), event.description(), event.enabled(),
                event.webhookId());
    }

    @EventHandler
    void on(WebhookSecretRotated event) {
        jdbc.update("update webhook set secret_salt = ? where webhook_id = ?", event.secretSalt(), event.webhookId());
    }

    @EventHandler
    void on(WebhookDeleted event) {
        jdbc.update("delete from webhook where webhook_id = ?", event.webhookId());
        jdbc.update("update webhook_delivery set status = 'CANCELLED', claimed_until = null"
                + " where webhook_id = ? and status = 'PENDING'", event.webhookId());
    }

    Optional<Registration> find(String webhookId) {
        return jdbc.query("select " + COLUMNS + " from webhook where webhook_id = ?", (row, n) -> registration(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getBoolean(6), row.getTimestamp(7)), webhookId).stream().findFirst();
    }

    List<Registration> all() {
        return jdbc.query("select " + COLUMNS + " from webhook order by registered_at, webhook_id", (row, n) ->
                registration(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getBoolean(6), row.getTimestamp(7)));
    }

    /** The enabled webhooks subscribed to {@code eventType} that were registered by {@code at}. */
    List<Registration> subscribedTo(String eventType, Instant at) {
        return all().stream()
                .filter(webhook -> webhook.enabled() && webhook.eventTypes().contains(eventType)
                        && !webhook.registeredAt().isAfter(at))
                .toList();
    }

    int count() {
        Integer count = jdbc.queryForObject("select count(*) from webhook", Integer.class);
        return count == null ? 0 : count;
    }

    private static Registration registration(String id, String url, String types, String description, String salt,
                                             boolean enabled, Timestamp registeredAt) {
        return new Registration(id, url, Arrays.asList(types.split(",")), description, salt, enabled,
                registeredAt.toInstant());
    }
}
