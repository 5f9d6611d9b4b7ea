package dev.idcred.access;

import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.usage.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a signed, unexpired token is worth now, whatever side asks. */
class AccessTokenGateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("client-1")
            .jti("jti-1").claim(TokenClaims.FAMILY_ID, "family-1")
            .claim(TokenClaims.SCOPE, "idn:oauth-clients:read idn:audit:read").build();

    private static CredentialState state(boolean enabled, Set<String> rights, Instant ownerAccessEndsAt,
                                         Set<String> revoked) {
        return new CredentialState("client-1", CredentialKind.API_CLIENT, "owner", enabled, rights,
                NetworkRules.none(), ownerAccessEndsAt, revoked, true);
    }

    private static Optional<AccessTokenGate.LiveToken> evaluate(Optional<CredentialState> state) {
        return new AccessTokenGate((id, tokenIds) -> {
            assertThat(tokenIds).containsExactly("jti-1", "family-1");
            return state;
        }, Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(TOKEN);
    }

    @Test
    void aLiveTokenKeepsOnlyTheRightsItsCredentialStillHas() {
        var live = evaluate(Optional.of(state(true, Set.of("idn:audit:read", "idn:sources:read"), null, Set.of())));
        assertThat(live).hasValueSatisfying(token -> assertThat(token.rights()).containsExactly("idn:audit:read"));
    }

    @Test
    void aDeletedOrDisabledCredentialsTokenIsDead() {
        assertThat(evaluate(Optional.empty())).isEmpty();
        assertThat(evaluate(Optional.of(state(false, Set.of("idn:audit:read"), null, Set.of())))).isEmpty();
    }

    @Test
    void aTokenIsDeadFromTheInstantItsOwnersAccessEnds() {
        assertThat(evaluate(Optional.of(state(true, Set.of("idn:audit:read"), NOW, Set.of())))).isEmpty();
        assertThat(evaluate(Optional.of(state(true, Set.of("idn:audit:read"), NOW.plusSeconds(1), Set.of()))))
                .isPresent();
    }

    @Test
    void aRevokedTokenOrFamilyIsDead() {
        assertThat(evaluate(Optional.of(state(true, Set.of("idn:audit:read"), null, Set.of("jti-1"))))).isEmpty();
        assertThat(evaluate(Optional.of(state(true, Set.of("idn:audit:read"), null, Set.of("family-1"))))).isEmpty();
    }

    @Test
    void aCredentialTheViewHasNotSeenYetKeepsTheTokensRights() {
        var live = evaluate(Optional.of(CredentialState.unseen("client-1")));
        assertThat(live).hasValueSatisfying(token -> assertThat(token.rights())
                .containsExactly("idn:oauth-clients:read", "idn:audit:read"));
    }
}
