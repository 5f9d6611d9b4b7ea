package dev.idcred.shared.appliance;

import dev.idcred.shared.common.PageRequest;

/** Every virtual appliance of the tenant, oldest first. */
public record ListVirtualAppliances(PageRequest page) {
}
