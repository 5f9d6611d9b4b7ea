package dev.idcred.shared.hygiene;

import dev.idcred.shared.common.AboutSubject;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A credential's effective rights (its scope ∩ its owner's levels' rights) changed: {@code added} and
 * {@code removed} rights, because of {@code cause} ({@code LEVEL_GRANTED}, {@code LEVEL_REVOKED},
 * {@code SCOPE_CHANGED} or {@code CATALOGUE_CHANGED}), the event that caused it ({@code causeEventId}, null for a
 * catalogue change). Written in the transaction of its cause, so the audit trail answers "which credentials gained
 * this right, when, and why".
 */
@Revision("1")
public record EffectiveRightsChanged(String credentialId, CredentialKind kind, String ownerId, List<String> added,
                                     List<String> removed, String cause, String causeEventId, Instant changedAt)
        implements AboutSubject {

    public static final String LEVEL_GRANTED = "LEVEL_GRANTED";
    public static final String LEVEL_REVOKED = "LEVEL_REVOKED";
    public static final String SCOPE_CHANGED = "SCOPE_CHANGED";
    public static final String CATALOGUE_CHANGED = "CATALOGUE_CHANGED";

    @Override
    public String subjectId() {
        return credentialId;
    }
}
