package com.example.credentials.shared.appliance;

/** Remove a virtual appliance and, with it, its VA key. */
public record DeleteVirtualAppliance(String applianceId) {
}
