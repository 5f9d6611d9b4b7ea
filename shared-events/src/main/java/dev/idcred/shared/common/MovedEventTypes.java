package dev.idcred.shared.common;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.function.Function;

/**
 * Events stored under the package they lived in before the sealed hierarchies: the credential's events now live with
 * {@code CredentialEvent} in {@code shared.credential}, the consent events with {@code IdentityEvent} in
 * {@code shared.identity} (a sealed interface outside a named module permits only classes of its own package). Only
 * the type name changes; payload and revision stay as they were written.
 */
public final class MovedEventTypes extends SingleEventUpcaster {

    private static final String SHARED = "dev.idcred.shared.";

    /** Each moved event's name as it was written, to its name now. */
    static final Map<String, String> NOW_CALLED = Map.ofEntries(
            moved("apiclient.ApiClientCreated", "credential"),
            moved("apiclient.ApiClientUpdated", "credential"),
            moved("apiclient.ApiClientUsed", "credential"),
            moved("apiclient.ApiClientDeleted", "credential"),
            moved("pat.PersonalAccessTokenCreated", "credential"),
            moved("pat.PersonalAccessTokenUpdated", "credential"),
            moved("pat.PersonalAccessTokenUsed", "credential"),
            moved("pat.PersonalAccessTokenDeleted", "credential"),
            moved("hygiene.SecretRotated", "credential"),
            moved("hygiene.CredentialLeaked", "credential"),
            moved("hygiene.CredentialExpiringSoon", "credential"),
            moved("hygiene.CredentialExpired", "credential"),
            moved("hygiene.CredentialUnusedWarning", "credential"),
            moved("token.AccessTokenRevoked", "credential"),
            moved("token.RefreshTokenFamilyRevoked", "credential"),
            moved("consent.ConsentGranted", "identity"),
            moved("consent.ConsentWithdrawn", "identity"));

    private static Map.Entry<String, String> moved(String was, String toPackage) {
        return Map.entry(SHARED + was, SHARED + toPackage + was.substring(was.indexOf('.')));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return NOW_CALLED.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(
                new SimpleSerializedType(NOW_CALLED.get(event.getType().getName()), event.getType().getRevision()),
                byte[].class, Function.identity());
    }
}
