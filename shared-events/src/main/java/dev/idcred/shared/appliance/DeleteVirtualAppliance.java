package dev.idcred.shared.appliance;

/** Remove a virtual appliance and, with it, its VA key. */
public record DeleteVirtualAppliance(String applianceId) {
}
