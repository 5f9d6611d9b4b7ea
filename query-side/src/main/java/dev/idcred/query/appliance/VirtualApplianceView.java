package dev.idcred.query.appliance;

import java.time.Instant;

/** A virtual appliance and the client id of its VA key. */
public record VirtualApplianceView(String id, String name, String clientId, String ownerId, Instant created) {
}
