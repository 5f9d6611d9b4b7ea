package dev.idcred.shared.pat;

import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;

/** Tokens of one owner, or of every owner when {@code ownerId} is null; oldest first. */
public record ListPersonalAccessTokens(String ownerId, ListingFilter filter, PageRequest page) {
}
