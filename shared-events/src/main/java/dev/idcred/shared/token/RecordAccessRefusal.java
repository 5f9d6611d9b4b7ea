package dev.idcred.shared.token;

/**
 * Record calls refused by a credential's network rules: one {@link AccessRefused} standing for {@code refusal.count()}
 * refusals, coalesced per credential, rule and minute by whoever refused them. The actor is the credential's owner.
 */
public record RecordAccessRefusal(AccessRefused refusal) {
}
