package dev.idcred.command.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idcred.shared.signin.SignInSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tenant's sign-in rules as they are now ({@code tenant_sign_in_settings}, written in the transaction of the
 * {@link TenantSignIn} command that changes them), or the defaults.
 */
@Component
public class SignInRules {

    static final String TENANT = "tenant";
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SignInRules(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public SignInSettings current() {
        return jdbc.query("select settings::text from tenant_sign_in_settings where tenant_id = ?",
                (row, n) -> read(row.getString(1)), TENANT).stream().findFirst().orElse(SignInSettings.DEFAULTS);
    }

    void store(SignInSettings settings) {
        try {
            jdbc.update("""
                    insert into tenant_sign_in_settings (tenant_id, settings) values (?, ?::jsonb)
                    on conflict (tenant_id) do update set settings = excluded.settings""",
                    TENANT, json.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the sign-in settings", e);
        }
    }

    private SignInSettings read(String text) {
        try {
            return json.readValue(text, SignInSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable sign-in settings", e);
        }
    }
}
