package dev.idcred.query.support;

import org.axonframework.eventhandling.TrackingToken;

/** The log position of the event a tracking token points at, what every view document remembers. */
public final class Positions {

    private Positions() {
    }

    public static long of(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("A tracking token without a position: "
                + token));
    }
}
