package dev.idcred.shared.usage;

import java.time.Instant;

/** An address a credential was used from, the country a trusted proxy named for it (or null), and when last. */
public record ClientSeen(String address, String country, Instant lastSeen) {
}
