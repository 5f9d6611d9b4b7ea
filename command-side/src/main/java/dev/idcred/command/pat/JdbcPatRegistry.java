package dev.idcred.command.pat;

import dev.idcred.command.CommandSideConfiguration;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * {@link PatRegistry} on PostgreSQL, in the same transaction as the events the command appends: a row lock on
 * the owner serialises that owner's creates and renames, and a unique index on (owner, name) backs the name rule.
 * The rows follow the token's events: a subscribing handler of the directory's group, so they are written while the
 * command's transaction appends them (and a failure here fails the command).
 */
@Component
@ProcessingGroup(CommandSideConfiguration.DIRECTORY_GROUP)
class JdbcPatRegistry implements PatRegistry {

    private final JdbcTemplate jdbc;

    JdbcPatRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockOwner(String ownerId) {
        jdbc.update("insert into pat_owner (owner_id) values (?) on conflict do nothing", ownerId);
        jdbc.queryForObject("select owner_id from pat_owner where owner_id = ? for update", String.class, ownerId);
    }

    @Override
    public int countOf(String ownerId) {
        Integer count = jdbc.queryForObject("select count(*) from pat_name where owner_id = ?", Integer.class, ownerId);
        return count == null ? 0 : count;
    }

    @Override
    public boolean isNameTaken(String ownerId, String name, String exceptTokenId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from pat_name where owner_id = ? and name_key = ? and token_id <> ?",
                Integer.class, ownerId, key(name), exceptTokenId);
        return count != null && count > 0;
    }

    @EventHandler
    void on(PersonalAccessTokenCreated created) {
        jdbc.update("insert into pat_name (token_id, owner_id, name_key) values (?, ?, ?)", created.tokenId(),
                created.ownerId(), key(created.name()));
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated updated) {
        jdbc.update("update pat_name set name_key = ? where token_id = ?", key(updated.name()), updated.tokenId());
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted deleted) {
        jdbc.update("delete from pat_name where token_id = ?", deleted.tokenId());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
