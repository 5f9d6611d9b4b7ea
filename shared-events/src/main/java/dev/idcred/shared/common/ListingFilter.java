package dev.idcred.shared.common;

import java.time.Instant;

/**
 * The listings' {@code filters} parameter: {@code lastUsed le "<instant>"}, {@code lastUsed isnull} or
 * {@code expiresAt le "<instant>"}. {@link #NONE} lists everything.
 */
public record ListingFilter(Instant usedAtOrBefore, boolean neverUsed, Instant expiresAtOrBefore) {
    public static final ListingFilter NONE = new ListingFilter(null, false, null);

    public static ListingFilter usedAtOrBefore(Instant instant) {
        return new ListingFilter(instant, false, null);
    }

    public static ListingFilter neverUsedFilter() {
        return new ListingFilter(null, true, null);
    }

    public static ListingFilter expiresAtOrBefore(Instant instant) {
        return new ListingFilter(null, false, instant);
    }
}
