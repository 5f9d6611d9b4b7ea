package dev.idcred.access.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.credential.SecretVersion;
import dev.idcred.shared.identity.IdentityEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CredentialStates} port on PostgreSQL, for both sides: tables {@code access_credential} and
 * {@code access_identity} hold each credential's and identity's facts as JSON. The command side's directory
 * projector {@link #record records} every event into them in the transaction that appends it; every call with a token
 * reads them with one query by primary key. This is the one store the two sides share on purpose, and this class is
 * its one adapter.
 */
@Component
public class AuthorizationTable implements CredentialStates {

    static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcTemplate jdbc;

    public AuthorizationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CredentialAccess> credential(String credentialId) {
        return jdbc.query("""
                        select c.facts::text, i.facts::text from access_credential c
                        left join access_identity i on i.identity_id = c.owner_id
                        where c.credential_id = ?""",
                (row, n) -> new CredentialAccess(read(row.getString(1), CredentialFacts.class),
                        read(row.getString(2), OwnerFacts.class)),
                credentialId).stream().findFirst();
    }

    @Override
    public Optional<OwnerFacts> identity(String identityId) {
        return jdbc.query("select facts::text from access_identity where identity_id = ?",
                (row, n) -> read(row.getString(1), OwnerFacts.class), identityId).stream().findFirst();
    }

    /** A row's facts before and after an event; {@code before} is null for a creation, {@code after} after a deletion. */
    public record Change<T>(T before, T after) {
        public boolean changed() {
            return before != after;
        }
    }

    /**
     * Folds a credential's event into its row, in the caller's transaction; a deleted credential's row goes. The
     * row's columns say what the service's own rules look for (expiry, disuse, notices had), and its secret versions'
     * keyed hashes are indexed for leak reports.
     */
    public Change<CredentialFacts> record(CredentialEvent event) {
        CredentialFacts before = jdbc.query(
                "select facts::text from access_credential where credential_id = ? for update",
                (row, n) -> read(row.getString(1), CredentialFacts.class), event.credentialId())
                .stream().findFirst().orElse(null);
        CredentialFacts after = CredentialFacts.fold(before, event);
        if (after == null || after == before) {
            return new Change<>(before, before);
        }
        if (!after.live()) {
            jdbc.update("delete from access_credential where credential_id = ?", after.credentialId());
            jdbc.update("delete from access_secret where credential_id = ?", after.credentialId());
            return new Change<>(before, null);
        }
        CredentialFacts.Notices notices = after.notices();
        jdbc.update("""
                insert into access_credential (credential_id, owner_id, kind, key_type, enabled, expires_at,
                    last_active_at, expiry_warned_for, expiry_noted_for, inactivity_warned_for, facts)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (credential_id) do update set enabled = excluded.enabled, expires_at = excluded.expires_at,
                    last_active_at = excluded.last_active_at, expiry_warned_for = excluded.expiry_warned_for,
                    expiry_noted_for = excluded.expiry_noted_for,
                    inactivity_warned_for = excluded.inactivity_warned_for, facts = excluded.facts""",
                after.credentialId(), after.ownerId(), after.kind().name(), after.keyType(), after.enabled(),
                timestamp(after.expiresAt()), timestamp(after.lastActiveAt()), timestamp(notices.expiryWarnedFor()),
                timestamp(notices.expiryNotedFor()), timestamp(notices.inactivityWarnedFor()), write(after));
        for (SecretVersion version : after.secrets()) {
            if (before == null || before.secrets().stream().noneMatch(v -> v.version() == version.version())) {
                jdbc.update("""
                        insert into access_secret (secret_hash, credential_id, version) values (?, ?, ?)
                        on conflict (secret_hash) do nothing""",
                        version.hash(), after.credentialId(), version.version());
            }
        }
        return new Change<>(before, after);
    }

    /** Folds an identity's event into its row, in the caller's transaction. */
    public Change<OwnerFacts> record(IdentityEvent event) {
        OwnerFacts before = jdbc.query("select facts::text from access_identity where identity_id = ? for update",
                (row, n) -> read(row.getString(1), OwnerFacts.class), event.identityId()).stream().findFirst()
                .orElse(null);
        OwnerFacts after = OwnerFacts.fold(before, event);
        if (after == null || after == before) {
            return new Change<>(before, before);
        }
        jdbc.update("""
                insert into access_identity (identity_id, tenant_access_expires_at, facts) values (?, ?, ?::jsonb)
                on conflict (identity_id) do update set tenant_access_expires_at = excluded.tenant_access_expires_at,
                    facts = excluded.facts""",
                after.identityId(), timestamp(after.accessEndsAt()), write(after));
        return new Change<>(before, after);
    }

    @Override
    public List<CredentialFacts> credentialsOwnedBy(String ownerId) {
        return jdbc.query("select facts::text from access_credential where owner_id = ? order by credential_id",
                (row, n) -> read(row.getString(1), CredentialFacts.class), ownerId);
    }

    /** Every live credential, in id order, a page at a time: {@code after} is the last id of the previous page. */
    public List<CredentialAccess> credentialsAfter(String after, int limit) {
        return jdbc.query("""
                        select c.facts::text, i.facts::text from access_credential c
                        left join access_identity i on i.identity_id = c.owner_id
                        where c.credential_id > ? order by c.credential_id limit ?""",
                (row, n) -> new CredentialAccess(read(row.getString(1), CredentialFacts.class),
                        read(row.getString(2), OwnerFacts.class)),
                after, limit);
    }

    /** The live credential one of whose secret versions has this keyed hash, valid or not. */
    public Optional<CredentialAccess> bySecretHash(String secretHash) {
        return jdbc.query("select credential_id from access_secret where secret_hash = ?",
                (row, n) -> row.getString(1), secretHash).stream().findFirst().flatMap(this::credential);
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in the authorization table", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String write(Object facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + facts.getClass().getSimpleName(), e);
        }
    }
}
