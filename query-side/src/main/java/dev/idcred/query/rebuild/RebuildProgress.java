package dev.idcred.query.rebuild;

import java.time.Instant;

/**
 * Where a rebuild stands: events applied out of those in the log when it started, the rate, and the estimated time
 * left. {@code state} is {@code RUNNING} (folding the log in memory), {@code WRITING} (live processors paused, the
 * new generation being written), {@code DONE} (the new generation serves) or {@code FAILED} (the old one still does).
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
