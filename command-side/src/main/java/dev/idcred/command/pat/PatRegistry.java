package dev.idcred.command.pat;

/**
 * Every owner's live token names, as the aggregate reads them inside the command's transaction: {@link #lockOwner}
 * holds the owner until the transaction ends, so concurrent creates and renames for one owner are checked one after
 * another. The names are written from the token's events, in the same transaction, by {@link JdbcPatRegistry}'s
 * handlers, never by the aggregate: the create that takes the lock next sees them.
 */
public interface PatRegistry {

    void lockOwner(String ownerId);

    int countOf(String ownerId);

    boolean isNameTaken(String ownerId, String name, String exceptTokenId);

}
