package dev.idcred.command.oauth;

import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialStates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Client authentication for the token, introspection and revocation endpoints: a client id or address throttled for
 * failed attempts is refused (429); a secret whose checksum fails is refused before any lookup; otherwise the
 * credential must exist, match the secret's keyed hash, and be usable now (enabled, its owner's tenant access not
 * ended). Every failure is the same 401 {@code invalid_client}, and counts towards the throttle. A grant, when asked
 * for, must be one of the client's.
 */
@Component
class ClientAuthentication {

    private final CredentialStates states;
    private final SecretHasher hasher;
    private final FailedAuthentications failures;
    private final Counter mistyped;

    ClientAuthentication(CredentialStates states, SecretHasher hasher, FailedAuthentications failures,
                         MeterRegistry meters) {
        this.states = states;
        this.hasher = hasher;
        this.failures = failures;
        this.mistyped = meters.counter("credentials.tokens.mistyped.secrets");
    }

    /** A client that proved who it is: its credential, and the secret version it proved it with. */
    record Authenticated(CredentialAccess access, int secretVersion) {
        CredentialFacts credential() {
            return access.credential();
        }
    }

    /** Authenticates a client that asks for a grant: one without that grant is refused ({@code unauthorized_client}). */
    Authenticated authenticate(ClientCredentials client, GrantType grant, String address, Instant now) {
        Authenticated credential = authenticate(client, address, now);
        if (!credential.credential().grantTypes().contains(grant)) {
            throw new TokenRequestRefused(400, "unauthorized_client",
                    "This client may not use the " + grant.name().toLowerCase() + " grant");
        }
        return credential;
    }

    /**
     * For the grants people take part in (authorization code, refresh): a public client names itself with
     * {@code client_id} and no secret (what proves the request is its PKCE verifier, or its refresh token); a
     * confidential client authenticates as for any grant.
     */
    Authenticated authenticateForPerson(ClientCredentials client, GrantType grant, String address, Instant now) {
        if (client.secret() == null || client.secret().isEmpty()) {
            failures.ensureNotThrottled(client.id(), address);
            Authenticated publicClient = (client.id() == null ? java.util.Optional.<CredentialAccess>empty()
                    : states.credential(client.id()))
                    .filter(credential -> credential.usableAt(now))
                    .filter(credential -> credential.credential().registration() != null
                            && credential.credential().registration().publicClient())
                    .map(credential -> new Authenticated(credential, 0))
                    .orElseThrow(() -> failed(client, address));
            if (!publicClient.credential().grantTypes().contains(grant)) {
                throw new TokenRequestRefused(400, "unauthorized_client",
                        "This client may not use the " + grant.name().toLowerCase() + " grant");
            }
            return publicClient;
        }
        return authenticate(client, grant, address, now);
    }

    Authenticated authenticate(ClientCredentials client, String address, Instant now) {
        failures.ensureNotThrottled(client.id(), address);
        if (client.id() == null || client.id().isBlank() || client.secret() == null || client.secret().isEmpty()) {
            throw failed(client, address);
        }
        if (SecretFormat.isMistyped(client.secret())) {
            mistyped.increment();
            throw failed(client, address);
        }
        Authenticated authenticated = states.credential(client.id())
                .filter(credential -> credential.usableAt(now))
                .flatMap(credential -> credential.credential()
                        .validSecret(hash -> hasher.matches(client.secret(), hash), now)
                        .map(version -> new Authenticated(credential, version.version())))
                .orElseThrow(() -> failed(client, address));
        failures.succeeded(client.id(), address);
        return authenticated;
    }

    private TokenRequestRefused failed(ClientCredentials client, String address) {
        failures.failed(client.id(), address);
        return TokenRequestRefused.invalidClient();
    }
}
