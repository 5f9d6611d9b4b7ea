package dev.idcred.shared.appliance;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A virtual appliance is gone, and its VA key with it. */
@Revision("1")
public record VirtualApplianceDeleted(String applianceId, String keyClientId, Instant deletedAt) {
}
