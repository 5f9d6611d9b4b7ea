package com.example.credentials.query.rebuild;

import java.time.Instant;

/**
 * Where a rebuild stands: events applied out of those in the log when it started, the rate, and the estimated time
 * left. {@code state} is {@code RUNNING}, {@code SWITCHED} (the new generation serves; catching the last events),
 * {@code DONE} or {@code FAILED}.
 */
public record RebuildProgress(String state, int generation, long eventsDone, long eventsInLog, double eventsPerSecond,
                              Long secondsLeft, Instant startedAt, Instant finishedAt, String failure) {
}
