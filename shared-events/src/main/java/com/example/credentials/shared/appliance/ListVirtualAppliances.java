package com.example.credentials.shared.appliance;

import com.example.credentials.shared.common.PageRequest;

/** Every virtual appliance of the tenant, oldest first. */
public record ListVirtualAppliances(PageRequest page) {
}
