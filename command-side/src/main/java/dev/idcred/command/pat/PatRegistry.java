package dev.idcred.command.pat;

/**
 * Every owner's live token names, read and written inside the command's transaction. {@link #lockOwner} holds
 * the owner until the transaction ends, so concurrent creates for one owner are checked one after another.
 */
public interface PatRegistry {

    void lockOwner(String ownerId);

    int countOf(String ownerId);

    boolean isNameTaken(String ownerId, String name, String exceptTokenId);

    void record(String ownerId, String tokenId, String name);

    void rename(String tokenId, String name);

    void remove(String tokenId);
}
