package dev.idcred.command.oauth;

import dev.idcred.command.identity.IdentityLookup;
import dev.idcred.command.identity.IdentityLookup.IdentitySummary;
import dev.idcred.command.oauth.CredentialLookup.CredentialRecord;
import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.shared.common.GrantType;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Client authentication for the token, introspection and revocation endpoints: a secret whose checksum fails is
 * refused before any lookup; otherwise the credential must exist, match the secret's keyed hash, be enabled, and
 * belong to an identity whose tenant access has not ended. Every failure is the same 401 {@code invalid_client}.
 * A grant, when asked for, must be one of the client's.
 */
@Component
class ClientAuthentication {

    /** An authenticated credential and its owner as they are now. */
    record AuthenticatedClient(CredentialRecord credential, IdentitySummary owner) {
    }

    private final CredentialLookup credentials;
    private final IdentityLookup identities;
    private final SecretHasher hasher;
    private final MeterRegistry meters;

    ClientAuthentication(CredentialLookup credentials, IdentityLookup identities, SecretHasher hasher,
                         MeterRegistry meters) {
        this.credentials = credentials;
        this.identities = identities;
        this.hasher = hasher;
        this.meters = meters;
    }

    /** Authenticates a client that asks for a grant: one without that grant is refused ({@code unauthorized_client}). */
    AuthenticatedClient authenticate(String clientId, String clientSecret, GrantType grant, Instant now) {
        AuthenticatedClient client = authenticate(clientId, clientSecret, now);
        if (!client.credential().grantTypes().contains(grant)) {
            throw new TokenRequestRefused(400, "unauthorized_client",
                    "This client may not use the " + grant.name().toLowerCase() + " grant");
        }
        return client;
    }

    AuthenticatedClient authenticate(String clientId, String clientSecret, Instant now) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw TokenRequestRefused.invalidClient();
        }
        if (SecretFormat.isMistyped(clientSecret)) {
            meters.counter("credentials.tokens.mistyped.secrets").increment();
            throw TokenRequestRefused.invalidClient();
        }
        CredentialRecord credential = credentials.findCredential(clientId)
                .filter(c -> hasher.matches(clientSecret, c.secretHash()))
                .filter(CredentialRecord::enabled)
                .orElseThrow(TokenRequestRefused::invalidClient);
        IdentitySummary owner = identities.find(credential.ownerId())
                .filter(identity -> !identity.accessEndedBy(now))
                .orElseThrow(TokenRequestRefused::invalidClient);
        return new AuthenticatedClient(credential, owner);
    }
}
