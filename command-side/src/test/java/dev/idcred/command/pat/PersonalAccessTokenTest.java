package dev.idcred.command.pat;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.pat.UpdatePersonalAccessToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.command.Fixtures.NOW;
import static dev.idcred.command.Fixtures.refusedWith;

class PersonalAccessTokenTest {

    private static final String TOKEN = "token-1";
    private static final String OWNER = "owner";
    private static final String OTHER_OWNER = "other";
    private static final String ADMIN = "admin";
    private static final String SUPPORT = "support";
    private static final String EXPIRED_SUPPORT = "expired-support";
    private static final String HASH = "hmac-sha256:00";
    private static final List<String> READ_CLIENTS = List.of("idn:oauth-clients:read");

    private static final MetaData AS_OWNER = Fixtures.as(Fixtures.person(OWNER, Rights.MY_PATS_READ,
            Rights.MY_PATS_MANAGE, Rights.MY_ACCOUNT_READ, Rights.MY_ACCOUNT_MANAGE, "idn:oauth-clients:read"));

    private AggregateTestFixture<PersonalAccessToken> fixture;
    private InMemoryPatRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryPatRegistry();
        fixture = new AggregateTestFixture<>(PersonalAccessToken.class);
        fixture.registerInjectableResource(new Fixtures.Identities()
                .with(OWNER, IdentityKind.USER)
                .with(OTHER_OWNER, IdentityKind.USER)
                .with(ADMIN, IdentityKind.USER, "ORG_ADMIN")
                .with(SUPPORT, IdentityKind.SUPPORT)
                .withExpiredAccess(EXPIRED_SUPPORT, IdentityKind.SUPPORT));
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(Fixtures.CATALOGUE);
        fixture.registerInjectableResource(Fixtures.POLICY);
        fixture.registerInjectableResource(Fixtures.CLOCK);
        fixture.registerInjectableResource(TenantPolicy.none());
    }

    private static PersonalAccessTokenCreated created(String owner, String name) {
        return new PersonalAccessTokenCreated(TOKEN, owner, name, READ_CLIENTS, 43_200, HASH, NOW, null);
    }

    @Test
    void tokenIsCreatedWithTheDefaultValidityOf43200Seconds() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, null, HASH, null), AS_OWNER)
                .expectEvents(created(OWNER, "ci"));
    }

    @Test
    void noScopeSelectedMeansTheDefaultScope() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", null, null, HASH, null), AS_OWNER)
                .expectEvents(new PersonalAccessTokenCreated(TOKEN, OWNER, "ci", List.of(Scopes.DEFAULT), 43_200,
                        HASH, NOW, null));
    }

    @Test
    void accessTokenValidityOutsideOneSecondToOneDayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, 86_401, HASH, null), AS_OWNER)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, 0, HASH, null), AS_OWNER)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void unknownScopeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", List.of("idn:nope:read"), null, HASH, null), AS_OWNER)
                .expectException(refusedWith(ErrorCode.UNKNOWN_SCOPE));
    }

    @Test
    void eleventhTokenForTheSameOwnerIsRejected() {
        for (int i = 0; i < 10; i++) {
            registry.with(OWNER, "existing-" + i, "token " + i);
        }
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "eleventh", READ_CLIENTS, null, HASH, null), AS_OWNER)
                .expectException(refusedWith(ErrorCode.PAT_LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void tenthTokenForTheSameOwnerIsAccepted() {
        for (int i = 0; i < 9; i++) {
            registry.with(OWNER, "existing-" + i, "token " + i);
        }
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "tenth", READ_CLIENTS, null, HASH, null), AS_OWNER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalAccessTokenCreated(TOKEN, OWNER, "tenth", READ_CLIENTS, 43_200, HASH, NOW,
                        null));
    }

    @Test
    void nameAlreadyUsedByTheSameOwnerIsRejectedIgnoringCase() {
        registry.with(OWNER, "existing", "CI Script");
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci script", READ_CLIENTS, null, HASH, null), AS_OWNER)
                .expectException(refusedWith(ErrorCode.PAT_NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void nameUsedByAnotherOwnerIsAccepted() {
        registry.with(OTHER_OWNER, "existing", "ci");
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, null, HASH, null), AS_OWNER)
                .expectEvents(created(OWNER, "ci"));
    }

    @Test
    void supportAccountMayCreatePersonalAccessTokens() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, SUPPORT, "ci", READ_CLIENTS, null, HASH, null),
                        Fixtures.as(Fixtures.actor(SUPPORT, IdentityKind.SUPPORT, Rights.MY_PATS_MANAGE)))
                .expectEvents(created(SUPPORT, "ci"));
    }

    @Test
    void aNarrowTokenCannotMakeATokenWithAllOfItsOwnersRights() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, ADMIN, "wide", List.of(Scopes.ALL), null, HASH, null),
                        Fixtures.as(Fixtures.person(ADMIN, Rights.MY_PATS_MANAGE)))
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aTokenMayMakeATokenWithinItsOwnRights() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, ADMIN, "narrow", READ_CLIENTS, null, HASH, null),
                        Fixtures.as(Fixtures.person(ADMIN, Rights.MY_PATS_MANAGE, "idn:oauth-clients:read")))
                .expectEvents(new PersonalAccessTokenCreated(TOKEN, ADMIN, "narrow", READ_CLIENTS, 43_200, HASH, NOW,
                        null));
    }

    @Test
    void aNarrowTokenCannotWidenItsOwnersTokenToMoreThanItHolds() {
        registry.with(ADMIN, TOKEN, "ci");
        fixture.given(created(ADMIN, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/scope", null,
                        List.of(Scopes.ALL)))), Fixtures.as(Fixtures.person(ADMIN, Rights.MY_PATS_MANAGE)))
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aHolderOfTheRightToManageEveryTokenMayDeleteAnAdministratorsToken() {
        fixture.given(created(ADMIN, "ci"))
                .when(new DeletePersonalAccessToken(TOKEN, "by a helper"),
                        Fixtures.as(Fixtures.person(OTHER_OWNER, Rights.ALL_PATS_MANAGE)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reScopingAnotherOwnersTokenNeedsAtLeastItsOwnersRights() {
        fixture.given(created(ADMIN, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/scope", null,
                        List.of("idn:identities:read")))),
                        Fixtures.as(Fixtures.person(OTHER_OWNER, Rights.ALL_PATS_MANAGE, "idn:identities:read")))
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aVendorAccountCannotMakeATokenForSomeoneElse() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "theirs", READ_CLIENTS, null, HASH, null),
                        Fixtures.as(Fixtures.actor(SUPPORT, IdentityKind.SUPPORT, Fixtures.CATALOGUE.rights()
                                .toArray(String[]::new))))
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void anActorWithoutRightsIsRefusedEvenTheirOwnTokens() {
        fixture.given(created(OWNER, "ci"))
                .when(new DeletePersonalAccessToken(TOKEN, "no actor"))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void vendorAccountWhoseTenantAccessExpiredGetsNoNewToken() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, EXPIRED_SUPPORT, "late", READ_CLIENTS, null, HASH, null), AS_OWNER)
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void renameToAnotherTokensNameIsRejected() {
        registry.with(OWNER, TOKEN, "ci").with(OWNER, "other-token", "deploy");
        fixture.given(created(OWNER, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/name", null,
                        "Deploy"))), AS_OWNER)
                .expectException(refusedWith(ErrorCode.PAT_NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void ownerChangesTheScope() {
        registry.with(OWNER, TOKEN, "ci");
        fixture.given(created(OWNER, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/scope", null,
                        List.of(Scopes.ALL)))), AS_OWNER)
                .expectEvents(new PersonalAccessTokenUpdated(TOKEN, OWNER, "ci", List.of(Scopes.ALL), NOW));
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
        registry.with(OWNER, TOKEN, "ci");
        fixture.given(created(OWNER, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/name", null,
                        "ci"))), AS_OWNER)
                .expectNoEvents();
    }

    @Test
    void anotherIdentitysTokenIsNotFoundForACallerWhoManagesOnlyItsOwn() {
        fixture.given(created(OWNER, "ci"))
                .when(new DeletePersonalAccessToken(TOKEN, "x"), Fixtures.as(Fixtures.person(OTHER_OWNER, Rights.MY_PATS_MANAGE)))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void deletionIsAnEventOfTheToken() {
        registry.with(OWNER, TOKEN, "ci");
        fixture.given(created(OWNER, "ci"))
                .when(new DeletePersonalAccessToken(TOKEN, "by admin"), Fixtures.as(Fixtures.person(OTHER_OWNER,
                        Rights.ALL_PATS_MANAGE)))
                .expectEvents(new PersonalAccessTokenDeleted(TOKEN, OWNER, "by admin", NOW))
                .expectMarkedDeleted();
    }
}
