package dev.idcred.shared.identity;

import dev.idcred.shared.common.PageRequest;

/** Every identity of the tenant, oldest first. */
public record ListIdentities(PageRequest page) {
}
