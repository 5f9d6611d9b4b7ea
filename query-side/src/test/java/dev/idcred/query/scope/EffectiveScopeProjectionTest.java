package dev.idcred.query.scope;

import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.shared.scope.FindEffectiveScope;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given credential and identity events, a credential's effective rights are its scope ∩ its owner's levels' rights,
 * computed when asked, so a level change reaches every credential of the owner through one document.
 */
class EffectiveScopeProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RightsCatalogue CATALOGUE = new RightsCatalogue(
            Set.of("idn:audit:read", "idn:oauth-clients:read", "idn:oauth-clients:manage"), Set.of(),
            Map.of("AUDITOR", Set.of("idn:audit:read"), "CLIENT_ADMIN",
                    Set.of("idn:oauth-clients:read", "idn:oauth-clients:manage")), List.of());

    private final EffectiveScopeProjection projection = new EffectiveScopeProjection(ReadModels.buffered(null, 1),
            CATALOGUE, Clock.fixed(T0.plusSeconds(3_600), ZoneOffset.UTC));

    private void credentialEvent(Object event, String aggregateId, long sequence) {
        projection.on((dev.idcred.shared.credential.CredentialEvent) event,
                new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, event));
    }

    private void identityEvent(dev.idcred.shared.identity.IdentityEvent event, long sequence) {
        projection.on(event, sequence);
    }

    private static ApiClientSettings settings(boolean enabled, List<String> scope) {
        return new ApiClientSettings("c", null, null, null, 750, 0, List.of(), List.of(GrantType.CLIENT_CREDENTIALS),
                "OFFLINE", "CONFIDENTIAL", false, enabled, false, false, scope);
    }

    private EffectiveScopeView scopeOf(String id, CredentialKind kind) {
        return projection.find(new FindEffectiveScope(id, kind)).orElseThrow();
    }

    @Test
    void rightsAreTheScopeMetByTheOwnersLevelsAndFollowGrantsAndRevocations() {
        identityEvent(new IdentityCreated("alice", "Alice", IdentityKind.USER, null, NetworkRules.none(), T0, null), 0);
        identityEvent(new UserLevelGranted("alice", "AUDITOR", T0), 1);
        credentialEvent(new PersonalAccessTokenCreated("p1", "alice", "p", List.of("sp:scopes:all"), 600, "hmac:x",
                T0, null), "p1", 0);

        assertThat(scopeOf("p1", CredentialKind.PERSONAL_ACCESS_TOKEN).rights()).containsExactly("idn:audit:read");

        identityEvent(new UserLevelGranted("alice", "CLIENT_ADMIN", T0.plusSeconds(1)), 2);
        assertThat(scopeOf("p1", CredentialKind.PERSONAL_ACCESS_TOKEN).rights()).containsExactly(
                "idn:audit:read", "idn:oauth-clients:manage", "idn:oauth-clients:read");

        identityEvent(new UserLevelRevoked("alice", "AUDITOR", T0.plusSeconds(2)), 3);
        assertThat(scopeOf("p1", CredentialKind.PERSONAL_ACCESS_TOKEN).rights()).containsExactly(
                "idn:oauth-clients:manage", "idn:oauth-clients:read");
    }

    @Test
    void aDisabledClientKeepsItsScopeButHasNoRights() {
        identityEvent(new IdentityCreated("bob", "Bob", IdentityKind.USER, null, NetworkRules.none(), T0, null), 0);
        identityEvent(new UserLevelGranted("bob", "AUDITOR", T0), 1);
        credentialEvent(new ApiClientCreated("c1", "bob", "API", settings(true, List.of("idn:audit:read")),
                "hmac:x", T0, null), "c1", 0);
        credentialEvent(new ApiClientUpdated("c1", settings(false, List.of("idn:audit:read")), T0.plusSeconds(5), null),
                "c1", 1);

        EffectiveScopeView view = scopeOf("c1", CredentialKind.API_CLIENT);
        assertThat(view.state()).isEqualTo("DISABLED");
        assertThat(view.scope()).containsExactly("idn:audit:read");
        assertThat(view.rights()).isEmpty();
    }

    @Test
    void aDeletedCredentialOrOneOfAnotherKindIsNotFound() {
        credentialEvent(new PersonalAccessTokenCreated("p1", "alice", "p", List.of(), 600, "hmac:x", T0, null), "p1", 0);

        assertThat(projection.find(new FindEffectiveScope("p1", CredentialKind.API_CLIENT))).isEmpty();

        credentialEvent(new PersonalAccessTokenDeleted("p1", "alice", null, T0.plusSeconds(1)), "p1", 1);
        assertThat(projection.find(new FindEffectiveScope("p1", CredentialKind.PERSONAL_ACCESS_TOKEN))).isEmpty();
    }

    @Test
    void aRefreshFamilysOwnEventsDoNotTakeTheCredentialsSequenceNumbers() {
        identityEvent(new IdentityCreated("bob", "Bob", IdentityKind.USER, null, NetworkRules.none(), T0, null), 0);
        credentialEvent(new ApiClientCreated("c1", "bob", "API", settings(true, List.of()), "hmac:x", T0, null), "c1", 0);
        credentialEvent(new RefreshTokenFamilyRevoked("family-1", "c1", "bob", "reused", T0.plusSeconds(600),
                T0.plusSeconds(1)), "family-1", 5);
        credentialEvent(new ApiClientUpdated("c1", settings(false, List.of()), T0.plusSeconds(2), null), "c1", 1);

        assertThat(scopeOf("c1", CredentialKind.API_CLIENT).state()).isEqualTo("DISABLED");
    }
}
