package dev.idcred.shared.credential;

import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the fold's tests share: a small catalogue, an owner and an API client's events at known instants. */
final class Facts {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String CLIENT = "client-1";
    static final String OWNER = "owner-1";
    static final RightsCatalogue CATALOGUE = new RightsCatalogue(
            Set.of("idn:a:read", "idn:b:read", "idn:mine"), Set.of("idn:mine"),
            Map.of("ADMIN", Set.of(RightsCatalogue.EVERY_RIGHT), "READER", Set.of("idn:a:read")), List.of());

    private Facts() {
    }

    static ApiClientSettings settings(List<String> scope, boolean enabled, GrantType... grants) {
        return new ApiClientSettings("client", null, null, null, 600, 2_592_000, List.of(), List.of(grants), "OFFLINE",
                "CONFIDENTIAL", false, enabled, false, false, scope);
    }

    static ApiClientCreated clientCreated(List<String> scope, GrantType... grants) {
        return new ApiClientCreated(CLIENT, OWNER, "API", settings(scope, true, grants), "hmac:1", T0, null);
    }

    static ApiClientUpdated clientUpdated(Instant at, List<String> scope, boolean enabled, GrantType... grants) {
        return new ApiClientUpdated(CLIENT, settings(scope, enabled, grants), at, null);
    }

    static IdentityCreated ownerCreated() {
        return new IdentityCreated(OWNER, "Owner", IdentityKind.USER, null, NetworkRules.none(), T0.minusSeconds(60), null);
    }

    static CredentialFacts fold(CredentialEvent... events) {
        CredentialFacts facts = null;
        for (CredentialEvent event : events) {
            facts = CredentialFacts.fold(facts, event);
        }
        return facts;
    }

    static OwnerFacts foldOwner(IdentityEvent... events) {
        OwnerFacts facts = null;
        for (IdentityEvent event : events) {
            facts = OwnerFacts.fold(facts, event);
        }
        return facts;
    }
}
