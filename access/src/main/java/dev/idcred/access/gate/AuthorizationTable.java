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
import dev.idcred.shared.credential.IdentityEvent;
import dev.idcred.shared.credential.OwnerFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
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

    /** Folds a credential's event into its row, in the caller's transaction; a deleted credential's row goes. */
    public void record(CredentialEvent event) {
        CredentialFacts before = jdbc.query(
                "select facts::text from access_credential where credential_id = ? for update",
                (row, n) -> read(row.getString(1), CredentialFacts.class), event.credentialId())
                .stream().findFirst().orElse(null);
        CredentialFacts after = CredentialFacts.fold(before, event);
        if (after == null || after == before) {
            return;
        }
        if (!after.live()) {
            jdbc.update("delete from access_credential where credential_id = ?", after.credentialId());
            return;
        }
        jdbc.update("""
                insert into access_credential (credential_id, owner_id, facts) values (?, ?, ?::jsonb)
                on conflict (credential_id) do update set facts = excluded.facts""",
                after.credentialId(), after.ownerId(), write(after));
    }

    /** Folds an identity's event into its row, in the caller's transaction. */
    public void record(IdentityEvent event) {
        OwnerFacts before = jdbc.query("select facts::text from access_identity where identity_id = ? for update",
                (row, n) -> read(row.getString(1), OwnerFacts.class), event.identityId()).stream().findFirst()
                .orElse(null);
        OwnerFacts after = OwnerFacts.fold(before, event);
        if (after == null || after == before) {
            return;
        }
        jdbc.update("""
                insert into access_identity (identity_id, tenant_access_expires_at, facts) values (?, ?, ?::jsonb)
                on conflict (identity_id) do update set tenant_access_expires_at = excluded.tenant_access_expires_at,
                    facts = excluded.facts""",
                after.identityId(),
                after.tenantAccessExpiresAt() == null ? null : Timestamp.from(after.tenantAccessExpiresAt()),
                write(after));
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

    private static String write(Object facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + facts.getClass().getSimpleName(), e);
        }
    }
}
