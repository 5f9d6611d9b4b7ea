package dev.idcred.query.scope;

import dev.idcred.query.QuerySideProcessing;
import dev.idcred.access.CredentialState;
import dev.idcred.access.CredentialStateUnavailable;
import dev.idcred.access.CredentialStates;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The query side's calls are checked against the effective-scope view, and never against a view older than the
 * credential's last change: if the log holds an event of the credential, its owner or its token's refresh family
 * that the view has not yet applied, the call waits until it has (the processors are woken at once), for at most
 * {@code credentials.read-side.revocation-wait-millis}, and answers 503 beyond that. So a deletion or revocation
 * that committed before a call began is always seen, also where the query side runs as its own process. Where both
 * sides share a process, the command side's directory is used instead. (With several query-side instances
 * sharing the view's segments, an instance that does not process all of them checks against the view as it is:
 * revocations reach it within the processors' lag.)
 */
@Component
class ViewedCredentialStates implements CredentialStates {

    private static final long POLL_MILLIS = 5;

    private final EffectiveScopeProjection view;
    private final JdbcTemplate events;
    private final EventProcessingConfiguration processing;
    private final QuerySideProcessing processors;
    private final long maxWaitMillis;

    ViewedCredentialStates(EffectiveScopeProjection view, JdbcTemplate events,
                           @Lazy EventProcessingConfiguration processing, @Lazy QuerySideProcessing processors,
                           @Value("${credentials.read-side.revocation-wait-millis:2000}") long maxWaitMillis) {
        this.view = view;
        this.events = events;
        this.processing = processing;
        this.processors = processors;
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public Optional<CredentialState> find(String credentialId, Collection<String> tokenIds) {
        OptionalLong appliedHere = appliedPosition();
        Optional<CredentialState> state = view.currentState(credentialId, tokenIds);
        if (appliedHere.isEmpty()) {
            return state;
        }
        long applied = appliedHere.getAsLong();
        var subjects = new ArrayList<String>(tokenIds);
        subjects.add(credentialId);
        state.map(CredentialState::ownerId).ifPresent(subjects::add);
        long newest = newestChangeAfter(applied, subjects);
        if (newest > applied) {
            awaitApplied(newest);
            state = view.currentState(credentialId, tokenIds);
        }
        return state;
    }

    /**
     * The log position up to which the view has applied every event (the slowest segment's), if this instance
     * processes every segment of the view. Where query-side instances share the segments, an instance cannot see
     * the others' progress, and checks against the view as it is.
     */
    private OptionalLong appliedPosition() {
        Map<Integer, EventTrackerStatus> status = processing
                .eventProcessor(EffectiveScopeProjection.GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (!coversEverySegment(status.values().stream().map(EventTrackerStatus::getSegment).toList())) {
            return OptionalLong.empty();
        }
        return status.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1L))
                .min();
    }

    /** True if the segments together are the whole segment space (each is 1/(mask+1) of it). */
    static boolean coversEverySegment(Collection<Segment> segments) {
        long whole = 1L << 32;
        long covered = segments.stream().mapToLong(segment -> whole / (segment.getMask() + 1L)).sum();
        return covered == whole;
    }

    /** The position of the newest event after {@code position} that may change what the subjects' tokens are worth. */
    private long newestChangeAfter(long position, List<String> subjects) {
        Long newest = events.queryForObject("""
                        select max(globalIndex) from domainEventEntry
                        where globalIndex > ? and aggregateIdentifier = any (?) and payloadType not like '%Used'""",
                Long.class, position, subjects.toArray(String[]::new));
        return newest == null ? -1 : newest;
    }

    private void awaitApplied(long position) {
        processors.wakeProcessors();
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000;
        while (appliedPosition().orElse(Long.MAX_VALUE) < position) {
            if (System.nanoTime() > deadline) {
                throw new CredentialStateUnavailable("The read side has not yet applied the latest change of this"
                        + " credential; retry in a moment");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialStateUnavailable("Interrupted while the read side caught up");
            }
        }
    }
}
