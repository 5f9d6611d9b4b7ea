package dev.idcred.shared.common;

import java.time.Instant;

/**
 * The listings' {@code filters} parameter: {@code lastUsed le "<instant>"} or {@code lastUsed isnull}.
 * {@link #NONE} lists everything.
 */
public record LastUsedFilter(Instant usedAtOrBefore, boolean neverUsed) {
    public static final LastUsedFilter NONE = new LastUsedFilter(null, false);

    public static LastUsedFilter usedAtOrBefore(Instant instant) {
        return new LastUsedFilter(instant, false);
    }

    public static LastUsedFilter neverUsedFilter() {
        return new LastUsedFilter(null, true);
    }
}
