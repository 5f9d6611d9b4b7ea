package dev.idcred.query.exposure;

import dev.idcred.query.audit.AuditEventView;

import java.time.Instant;
import java.util.List;

/**
 * The exposure report of a credential over a window: what it could do when (intervals of state and rights, each
 * with the change that opened it), the tokens it obtained (per minute, with which secret versions), where from, the
 * calls refused, and every action its tokens performed. What an incident responder asks first.
 */
public record ExposureView(String credentialId, String kind, String ownerId, Instant from, Instant to,
                           List<RightsInterval> rights, Tokens tokens, List<Client> clients,
                           List<Client> recentClients, Entries refusals, Entries actions) {

    /** From {@code from} until {@code to}, the credential was in {@code state} with these rights. */
    public record RightsInterval(Instant from, Instant to, String state, List<String> scope, List<String> rights,
                                 Cause cause) {
    }

    /** What opened an interval: an event of the log (its id and type, and who), or the passing of an instant. */
    public record Cause(String eventId, String type, Instant at, String actorId) {
    }

    public record Tokens(long issued, List<Integer> secretVersionsUsed, List<Minute> perMinute) {
    }

    public record Minute(Instant minute, long tokens) {
    }

    /** An address tokens were obtained from, and the country a trusted proxy named for it. */
    public record Client(String address, String country, Instant firstSeen, Instant lastSeen) {
    }

    /** Audit entries of the window, oldest first, at most a bounded number ({@code total} says how many in all). */
    public record Entries(long total, List<AuditEventView> entries) {
    }
}
