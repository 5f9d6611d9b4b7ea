package dev.idcred.command.pat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The registry's contract without a database, for aggregate tests: the names a test gives it ({@link #with}) stand for
 * the rows the token events of earlier commands left ({@code JdbcPatRegistry}'s handlers).
 */
class InMemoryPatRegistry implements PatRegistry {

    private record Entry(String ownerId, String nameKey) {
    }

    private final Map<String, Entry> byToken = new HashMap<>();

    InMemoryPatRegistry with(String ownerId, String tokenId, String name) {
        byToken.put(tokenId, new Entry(ownerId, key(name)));
        return this;
    }

    @Override
    public void lockOwner(String ownerId) {
    }

    @Override
    public int countOf(String ownerId) {
        return (int) byToken.values().stream().filter(e -> e.ownerId().equals(ownerId)).count();
    }

    @Override
    public boolean isNameTaken(String ownerId, String name, String exceptTokenId) {
        return byToken.entrySet().stream().anyMatch(e -> !e.getKey().equals(exceptTokenId)
                && e.getValue().ownerId().equals(ownerId) && e.getValue().nameKey().equals(key(name)));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
