package com.example.credentials.shared.pat;

import com.example.credentials.shared.common.LastUsedFilter;
import com.example.credentials.shared.common.PageRequest;

/** Tokens of one owner, or of every owner when {@code ownerId} is null; oldest first. */
public record ListPersonalAccessTokens(String ownerId, LastUsedFilter filter, PageRequest page) {
}
