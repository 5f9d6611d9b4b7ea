package dev.idcred.command.signin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** {@link Usernames} on PostgreSQL: table {@code identity_username}, its primary key the lower-cased username. */
@Component
class JdbcUsernames implements Usernames {

    private final JdbcTemplate jdbc;

    JdbcUsernames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String username, String identityId) {
        String key = key(username);
        if (holderOf(username).filter(identityId::equals).isPresent()) {
            jdbc.update("update identity_username set username = ? where identity_id = ?", username, identityId);
            return true;
        }
        jdbc.update("delete from identity_username where identity_id = ?", identityId);
        return jdbc.update("insert into identity_username (username_key, username, identity_id) values (?, ?, ?)"
                + " on conflict (username_key) do nothing", key, username, identityId) == 1;
    }

    @Override
    public void release(String identityId) {
        jdbc.update("delete from identity_username where identity_id = ?", identityId);
    }

    @Override
    public Optional<String> holderOf(String username) {
        return jdbc.query("select identity_id from identity_username where username_key = ?",
                (row, n) -> row.getString(1), key(username)).stream().findFirst();
    }

    @Override
    public Optional<String> usernameOf(String identityId) {
        return jdbc.query("select username from identity_username where identity_id = ?",
                (row, n) -> row.getString(1), identityId).stream().findFirst();
    }

    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
