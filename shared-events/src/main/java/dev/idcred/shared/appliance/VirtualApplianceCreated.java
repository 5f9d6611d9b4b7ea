package dev.idcred.shared.appliance;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A virtual appliance came to be, with the client id of its VA key. */
@Revision("1")
public record VirtualApplianceCreated(String applianceId, String name, String ownerId, String keyClientId,
                                      Instant createdAt) {
}
