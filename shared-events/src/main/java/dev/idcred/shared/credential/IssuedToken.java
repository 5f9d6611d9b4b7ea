package dev.idcred.shared.credential;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An access token as the gate sees it: its id ({@code jti}), the refresh-token family it was issued in (or null),
 * and the instant it was issued, to the millisecond.
 */
public record IssuedToken(String jti, String familyId, Instant issuedAt) {

    /** The ids a revocation may name: the token's own and its family's. */
    public List<String> ids() {
        return Stream.of(jti, familyId).filter(Objects::nonNull).toList();
    }
}
