package dev.idcred.shared.credential;

import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.usage.CredentialKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.shared.credential.Facts.CLIENT;
import static dev.idcred.shared.credential.Facts.OWNER;
import static dev.idcred.shared.credential.Facts.T0;
import static dev.idcred.shared.credential.Facts.clientCreated;
import static dev.idcred.shared.credential.Facts.clientUpdated;
import static dev.idcred.shared.credential.Facts.fold;
import static org.assertj.core.api.Assertions.assertThat;

/** The one fold of what a credential may do: each event's meaning, once. */
class CredentialFactsTest {

    @Test
    void anApiClientsCreationGivesItsScopeGrantsSecretAndOwner() {
        CredentialFacts facts = fold(clientCreated(List.of("idn:a:read"), GrantType.CLIENT_CREDENTIALS));
        assertThat(facts.kind()).isEqualTo(CredentialKind.API_CLIENT);
        assertThat(facts.ownerId()).isEqualTo(OWNER);
        assertThat(facts.scope()).containsExactly("idn:a:read");
        assertThat(facts.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(facts.secrets()).extracting(SecretVersion::version, SecretVersion::hash)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "hmac:1"));
        assertThat(facts.enabled()).isTrue();
        assertThat(facts.live()).isTrue();
    }

    @Test
    void aPersonalAccessTokenHasTheClientCredentialsGrantOnlyAndFollowsItsScopeChanges() {
        CredentialFacts facts = fold(
                new PersonalAccessTokenCreated("pat-1", OWNER, "export", List.of("idn:a:read"), 3_600, "hmac:2", T0, null),
                new PersonalAccessTokenUpdated("pat-1", OWNER, "export", List.of("idn:b:read"), T0.plusSeconds(5)));
        assertThat(facts.kind()).isEqualTo(CredentialKind.PERSONAL_ACCESS_TOKEN);
        assertThat(facts.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(facts.scope()).containsExactly("idn:b:read");
        assertThat(facts.accessTokenValiditySeconds()).isEqualTo(3_600);
    }

    @Test
    void disablingKillsTheTokensIssuedBeforeItForGoodEvenOnceEnabledAgain() {
        CredentialFacts facts = fold(clientCreated(List.of("idn:a:read"), GrantType.CLIENT_CREDENTIALS),
                clientUpdated(T0.plusSeconds(10), List.of("idn:a:read"), false, GrantType.CLIENT_CREDENTIALS),
                clientUpdated(T0.plusSeconds(20), List.of("idn:a:read"), true, GrantType.CLIENT_CREDENTIALS));
        assertThat(facts.enabled()).isTrue();
        assertThat(facts.issuedBeforeDisablement(T0.plusSeconds(10).minusMillis(1))).isTrue();
        assertThat(facts.issuedBeforeDisablement(T0.plusSeconds(20))).isFalse();
        assertThat(facts.refreshFamilyEnded(T0.plusSeconds(5))).isTrue();
    }

    @Test
    void losingTheRefreshGrantEndsEveryFamilyBegunBeforeAndRegainingItRevivesNone() {
        CredentialFacts facts = fold(clientCreated(List.of(), GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN),
                clientUpdated(T0.plusSeconds(10), List.of(), true, GrantType.CLIENT_CREDENTIALS),
                clientUpdated(T0.plusSeconds(20), List.of(), true, GrantType.CLIENT_CREDENTIALS,
                        GrantType.REFRESH_TOKEN));
        assertThat(facts.refreshFamilyEnded(T0.plusSeconds(9))).isTrue();
        assertThat(facts.refreshFamilyEnded(T0.plusSeconds(21))).isFalse();
        assertThat(facts.issuedBeforeDisablement(T0.plusSeconds(9))).isFalse();
    }

    @Test
    void aRevokedTokenIsRememberedUntilItWouldHaveExpiredAndForgottenAfterByTheLogsOwnClock() {
        CredentialFacts facts = fold(clientCreated(List.of(), GrantType.CLIENT_CREDENTIALS),
                new AccessTokenRevoked(CLIENT, OWNER, "jti-1", T0.plusSeconds(600), "by its client", T0.plusSeconds(1)));
        assertThat(facts.revokedAny(List.of("jti-1"))).isTrue();
        assertThat(facts.revokedAny(List.of("jti-2"))).isFalse();

        CredentialFacts later = CredentialFacts.fold(facts, new AccessTokenRevoked(CLIENT, OWNER, "jti-2",
                T0.plusSeconds(1_200), "by its client", T0.plusSeconds(601)));
        assertThat(later.revokedTokens()).containsOnlyKeys("jti-2");
    }

    @Test
    void aRevokedRefreshFamilyKillsEveryAccessTokenIssuedInIt() {
        CredentialFacts facts = fold(clientCreated(List.of(), GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN),
                new RefreshTokenFamilyRevoked("family-1", CLIENT, OWNER, "reused", T0.plusSeconds(86_400),
                        T0.plusSeconds(3)));
        assertThat(facts.revokedAny(List.of("jti-9", "family-1"))).isTrue();
    }

    @Test
    void aDeletionIsFinalAndNothingAfterItChangesTheFacts() {
        CredentialFacts deleted = fold(clientCreated(List.of("idn:a:read"), GrantType.CLIENT_CREDENTIALS),
                new ApiClientDeleted(CLIENT, OWNER, "API", T0.plusSeconds(30)));
        assertThat(deleted.live()).isFalse();
        assertThat(CredentialFacts.fold(deleted, clientUpdated(T0.plusSeconds(40), List.of("idn:b:read"), true,
                GrantType.CLIENT_CREDENTIALS))).isSameAs(deleted);
    }

    @Test
    void aChangeWithoutACreationFoldsToNothing() {
        assertThat(CredentialFacts.fold(null, clientUpdated(T0, List.of(), true, GrantType.CLIENT_CREDENTIALS)))
                .isNull();
    }
}
