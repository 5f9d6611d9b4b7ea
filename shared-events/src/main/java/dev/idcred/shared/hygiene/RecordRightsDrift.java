package dev.idcred.shared.hygiene;

/**
 * Record that a credential's effective rights changed: sent in the transaction of the cause (a scope edit, a level
 * granted or revoked, a new catalogue), with the cause's actor, so the change and its cause commit together.
 */
public record RecordRightsDrift(EffectiveRightsChanged change) {
}
