package dev.idcred.access.gate;

import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.usage.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate asks the credential's facts what a signed, unexpired token is worth now, and keeps only what it says. */
class AccessTokenGateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final RightsCatalogue CATALOGUE = new RightsCatalogue(
            Set.of("idn:oauth-clients:read", "idn:audit:read", "idn:sources:read"), Set.of(),
            Map.of("AUDITOR", Set.of("idn:audit:read", "idn:sources:read")), List.of());
    private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "ES256").subject("client-1")
            .jti("jti-1").claim(TokenClaims.FAMILY_ID, "family-1")
            .claim(TokenClaims.ISSUED_AT_MILLIS, NOW.minusSeconds(60).toEpochMilli())
            .claim(TokenClaims.SCOPE, "idn:oauth-clients:read idn:audit:read").build();

    private static CredentialAccess credential(boolean enabled, Map<String, Instant> revoked, Instant tokensValidFrom) {
        var facts = new CredentialFacts("client-1", CredentialKind.API_CLIENT, "owner", "API",
                List.of("idn:audit:read", "idn:sources:read"), Set.of(GrantType.CLIENT_CREDENTIALS), enabled, 600, 0,
                List.of(), NOW.minusSeconds(3_600), null, null, tokensValidFrom, null, revoked, null, List.of(), null, null);
        var owner = new OwnerFacts("owner", "Owner", IdentityKind.USER, Set.of("AUDITOR"), null, NetworkRules.none(),
                NOW.minusSeconds(7_200));
        return new CredentialAccess(facts, owner);
    }

    private static Optional<AccessTokenGate.LiveToken> evaluate(Optional<CredentialAccess> credential) {
        CredentialStates states = new CredentialStates() {
            @Override
            public Optional<CredentialAccess> credential(String credentialId) {
                assertThat(credentialId).isEqualTo("client-1");
                return credential;
            }

            @Override
            public Optional<OwnerFacts> identity(String identityId) {
                return Optional.empty();
            }

            @Override
            public java.util.List<dev.idcred.shared.credential.CredentialFacts> credentialsOwnedBy(String ownerId) {
                return java.util.List.of();
            }
        };
        return new AccessTokenGate(states, CATALOGUE, Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(TOKEN);
    }

    @Test
    void aLiveTokenKeepsOnlyTheRightsItWasIssuedWithThatItsCredentialStillHas() {
        var live = evaluate(Optional.of(credential(true, Map.of(), null)));
        assertThat(live).hasValueSatisfying(token -> assertThat(token.rights()).containsExactly("idn:audit:read"));
    }

    @Test
    void aDeletedOrDisabledCredentialsTokenIsDead() {
        assertThat(evaluate(Optional.empty())).isEmpty();
        assertThat(evaluate(Optional.of(credential(false, Map.of(), null)))).isEmpty();
    }

    @Test
    void aTokenIssuedBeforeItsCredentialWasDisabledStaysDeadOnceItIsEnabledAgain() {
        assertThat(evaluate(Optional.of(credential(true, Map.of(), NOW.minusSeconds(30))))).isEmpty();
        assertThat(evaluate(Optional.of(credential(true, Map.of(), NOW.minusSeconds(90))))).isPresent();
    }

    @Test
    void aRevokedTokenOrFamilyIsDead() {
        assertThat(evaluate(Optional.of(credential(true, Map.of("jti-1", NOW.plusSeconds(60)), null)))).isEmpty();
        assertThat(evaluate(Optional.of(credential(true, Map.of("family-1", NOW.plusSeconds(60)), null)))).isEmpty();
    }
}
