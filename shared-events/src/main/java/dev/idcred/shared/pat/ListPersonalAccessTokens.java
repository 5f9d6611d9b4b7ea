package dev.idcred.shared.pat;

import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.shared.common.PageRequest;

/** Tokens of one owner, or of every owner when {@code ownerId} is null; oldest first. */
public record ListPersonalAccessTokens(String ownerId, LastUsedFilter filter, PageRequest page) {
}
