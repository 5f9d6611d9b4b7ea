package com.example.credentials.shared.identity;

import com.example.credentials.shared.common.PageRequest;

/** Every identity of the tenant, oldest first. */
public record ListIdentities(PageRequest page) {
}
