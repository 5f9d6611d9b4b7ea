package dev.idcred.command.hygiene;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * What a vendor account made that outlives its tenant access: the live personal access tokens it owns and the webhooks
 * it registered, which {@link TenantAccessExpiry} deletes.
 */
@Component
class OwnerAccessEnded {

    /** A live token, its owner, and when the owner's access ended. */
    record ExpiredToken(String tokenId, String ownerId, Instant accessEndedAt) {
    }

    private final JdbcTemplate jdbc;

    OwnerAccessEnded(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A webhook, who registered it, and when the registrant's access ended. */
    record ExpiredWebhook(String webhookId, String registrantId, Instant accessEndedAt) {
    }

    /** Webhooks registered by identities whose tenant access ended at or before {@code now}. */
    List<ExpiredWebhook> webhooksBy(Instant now) {
        return jdbc.query("""
                        select w.webhook_id, w.registered_by, i.tenant_access_expires_at
                        from webhook w join access_identity i on i.identity_id = w.registered_by
                        where i.tenant_access_expires_at <= ?""",
                (row, i) -> new ExpiredWebhook(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                Timestamp.from(now));
    }

    /** Live tokens of identities whose tenant access ended at or before {@code now}. */
    List<ExpiredToken> tokensBy(Instant now) {
        return jdbc.query("""
                        select n.token_id, n.owner_id, i.tenant_access_expires_at
                        from pat_name n join access_identity i on i.identity_id = n.owner_id
                        where i.tenant_access_expires_at <= ?""",
                (row, i) -> new ExpiredToken(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                Timestamp.from(now));
    }
}
