package dev.idcred.query.rebuild;

import java.time.Instant;

/**
 * Where a rebuild stands: events applied out of those in the log when it started, the rate, and the estimated time
 * left. {@code state} is {@code RUNNING} (folding the log in memory), {@code WRITING} (the fence stands, so no processor
 * batch of any instance writes, while the rest of the log is folded and the new generation written), {@code DONE}
 * (the new generation serves) or {@code FAILED} (the old one still does; also a rebuild whose instance stopped).
 */
public record RebuildProgress(State state, int generation, long eventsDone, long eventsInLog, double eventsPerSecond,
                              Long secondsLeft, Instant startedAt, Instant finishedAt, String failure) {

    /** Where a rebuild stands. */
    public enum State {
        RUNNING, WRITING, DONE, FAILED;

        boolean isUnderWay() {
            return this == RUNNING || this == WRITING;
        }
    }
}
