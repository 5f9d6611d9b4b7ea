package dev.idcred.shared.credential;

import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.UserLevelGranted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.shared.credential.Facts.CATALOGUE;
import static dev.idcred.shared.credential.Facts.CLIENT;
import static dev.idcred.shared.credential.Facts.OWNER;
import static dev.idcred.shared.credential.Facts.T0;
import static dev.idcred.shared.credential.Facts.clientCreated;
import static dev.idcred.shared.credential.Facts.clientUpdated;
import static dev.idcred.shared.credential.Facts.fold;
import static dev.idcred.shared.credential.Facts.foldOwner;
import static dev.idcred.shared.credential.Facts.ownerCreated;
import static org.assertj.core.api.Assertions.assertThat;

/** What a credential may do, from its facts and its owner's: the one answer the gate and every view give. */
class CredentialAccessTest {

    private static final OwnerFacts READER = foldOwner(ownerCreated(), new UserLevelGranted(OWNER, "READER", T0));
    private static final IssuedToken TOKEN = new IssuedToken("jti-1", null, T0.plusSeconds(1));

    @Test
    void rightsAreTheScopeIntersectedWithTheRightsOfTheOwnersLevels() {
        var access = new CredentialAccess(fold(clientCreated(List.of("idn:a:read", "idn:b:read"),
                GrantType.CLIENT_CREDENTIALS)), READER);
        assertThat(access.rightsAt(T0, CATALOGUE)).containsExactly("idn:a:read");
    }

    @Test
    void allScopesFollowTheOwnersLevelsAndTheDefaultScopeGivesNothingProtected() {
        var all = new CredentialAccess(fold(clientCreated(List.of(Scopes.ALL), GrantType.CLIENT_CREDENTIALS)), READER);
        assertThat(all.rightsAt(T0, CATALOGUE)).containsExactlyInAnyOrder("idn:a:read", "idn:mine");
        var admin = foldOwner(ownerCreated(), new UserLevelGranted(OWNER, "ADMIN", T0));
        assertThat(new CredentialAccess(all.credential(), admin).rightsAt(T0, CATALOGUE))
                .isEqualTo(CATALOGUE.rights());
        var none = new CredentialAccess(fold(clientCreated(List.of(Scopes.DEFAULT), GrantType.CLIENT_CREDENTIALS)),
                admin);
        assertThat(none.rightsAt(T0, CATALOGUE)).isEmpty();
    }

    @Test
    void aDisabledClientHasItsScopeButNoRightsAndItsEarlierTokensStayDeadWhenEnabledAgain() {
        CredentialFacts disabled = fold(clientCreated(List.of("idn:a:read"), GrantType.CLIENT_CREDENTIALS),
                clientUpdated(T0.plusSeconds(10), List.of("idn:a:read"), false, GrantType.CLIENT_CREDENTIALS));
        var access = new CredentialAccess(disabled, READER);
        assertThat(access.stateAt(T0.plusSeconds(11))).isEqualTo(CredentialAccess.State.DISABLED);
        assertThat(access.rightsAt(T0.plusSeconds(11), CATALOGUE)).isEmpty();

        var enabled = new CredentialAccess(CredentialFacts.fold(disabled, clientUpdated(T0.plusSeconds(20),
                List.of("idn:a:read"), true, GrantType.CLIENT_CREDENTIALS)), READER);
        assertThat(enabled.accepts(TOKEN, T0.plusSeconds(21))).isFalse();
        assertThat(enabled.accepts(new IssuedToken("jti-2", null, T0.plusSeconds(20)), T0.plusSeconds(21))).isTrue();
    }

    @Test
    void aTokenIsDeadOnceItOrItsFamilyIsRevokedOrItsCredentialDeleted() {
        CredentialFacts client = fold(clientCreated(List.of("idn:a:read"), GrantType.CLIENT_CREDENTIALS));
        assertThat(new CredentialAccess(client, READER).accepts(TOKEN, T0.plusSeconds(2))).isTrue();
        CredentialFacts revoked = CredentialFacts.fold(client, new AccessTokenRevoked(CLIENT, OWNER, "jti-1",
                T0.plusSeconds(600), "revoked", T0.plusSeconds(2)));
        assertThat(new CredentialAccess(revoked, READER).accepts(TOKEN, T0.plusSeconds(3))).isFalse();
        assertThat(new CredentialAccess(revoked, READER).accepts(new IssuedToken("jti-3", "jti-1", T0),
                T0.plusSeconds(3))).isFalse();
        CredentialFacts deleted = CredentialFacts.fold(client, new ApiClientDeleted(CLIENT, OWNER, "API",
                T0.plusSeconds(4)));
        var gone = new CredentialAccess(deleted, READER);
        assertThat(gone.stateAt(T0.plusSeconds(5))).isEqualTo(CredentialAccess.State.DELETED);
        assertThat(gone.accepts(TOKEN, T0.plusSeconds(5))).isFalse();
    }

    @Test
    void everyCredentialOfAVendorAccountStopsAtTheInstantItsTenantAccessEnds() {
        var vendor = foldOwner(new IdentityCreated(OWNER, "Support", IdentityKind.SUPPORT, T0.plusSeconds(60), null,
                T0, null), new UserLevelGranted(OWNER, "READER", T0));
        var access = new CredentialAccess(fold(new PersonalAccessTokenCreated("pat-1", OWNER, "visit",
                List.of(Scopes.ALL), 600, "hmac:1", T0, null)), vendor);
        assertThat(access.usableAt(T0.plusSeconds(59))).isTrue();
        assertThat(access.stateAt(T0.plusSeconds(60))).isEqualTo(CredentialAccess.State.EXPIRED);
        assertThat(access.rightsAt(T0.plusSeconds(60), CATALOGUE)).isEmpty();
    }

    @Test
    void networkRulesBindPersonalAccessTokensButNotApiClients() {
        var rules = new NetworkRules(List.of("10.0.0.0/8"), List.of());
        var fenced = new OwnerFacts(OWNER, "Fenced", IdentityKind.USER, java.util.Set.of(), null, rules, T0);
        var pat = new CredentialAccess(fold(new PersonalAccessTokenCreated("pat-1", OWNER, "n", List.of(), 600,
                "hmac:1", T0, null)), fenced);
        var client = new CredentialAccess(fold(clientCreated(List.of(), GrantType.CLIENT_CREDENTIALS)), fenced);
        assertThat(pat.networkRules()).isEqualTo(rules);
        assertThat(client.networkRules().restricts()).isFalse();
    }
}
