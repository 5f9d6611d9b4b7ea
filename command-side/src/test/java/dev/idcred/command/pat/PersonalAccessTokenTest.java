package dev.idcred.command.pat;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.pat.TokenActor;
import dev.idcred.shared.pat.UpdatePersonalAccessToken;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.command.Fixtures.NOW;
import static dev.idcred.command.Fixtures.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class PersonalAccessTokenTest {

    private static final String TOKEN = "token-1";
    private static final String OWNER = "owner";
    private static final String OTHER_OWNER = "other";
    private static final String SUPPORT = "support";
    private static final String EXPIRED_SUPPORT = "expired-support";
    private static final String HASH = "hmac-sha256:00";
    private static final List<String> READ_CLIENTS = List.of("idn:oauth-clients:read");

    private AggregateTestFixture<PersonalAccessToken> fixture;
    private InMemoryPatRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryPatRegistry();
        fixture = new AggregateTestFixture<>(PersonalAccessToken.class);
        fixture.registerInjectableResource(new Fixtures.Identities()
                .with(OWNER, IdentityKind.USER)
                .with(OTHER_OWNER, IdentityKind.USER)
                .with(SUPPORT, IdentityKind.SUPPORT)
                .withExpiredAccess(EXPIRED_SUPPORT, IdentityKind.SUPPORT));
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(Fixtures.CATALOGUE);
        fixture.registerInjectableResource(Fixtures.CLOCK);
        fixture.registerInjectableResource(TenantPolicy.none());
    }

    private static PersonalAccessTokenCreated created(String owner, String name) {
        return new PersonalAccessTokenCreated(TOKEN, owner, name, READ_CLIENTS, 43_200, HASH, NOW, null);
    }

    @Test
    void tokenIsCreatedWithTheDefaultValidityOf43200Seconds() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, null, HASH, null))
                .expectEvents(created(OWNER, "ci"));
    }

    @Test
    void noScopeSelectedMeansTheDefaultScope() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", null, null, HASH, null))
                .expectEvents(new PersonalAccessTokenCreated(TOKEN, OWNER, "ci", List.of(Scopes.DEFAULT), 43_200,
                        HASH, NOW, null));
    }

    @Test
    void accessTokenValidityOutsideOneSecondToOneDayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, 86_401, HASH, null))
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, 0, HASH, null))
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void unknownScopeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", List.of("idn:nope:read"), null, HASH, null))
                .expectException(refusedWith(ErrorCode.UNKNOWN_SCOPE));
    }

    @Test
    void eleventhTokenForTheSameOwnerIsRejected() {
        for (int i = 0; i < 10; i++) {
            registry.with(OWNER, "existing-" + i, "token " + i);
        }
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "eleventh", READ_CLIENTS, null, HASH, null))
                .expectException(refusedWith(ErrorCode.PAT_LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void tenthTokenForTheSameOwnerIsAccepted() {
        for (int i = 0; i < 9; i++) {
            registry.with(OWNER, "existing-" + i, "token " + i);
        }
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "tenth", READ_CLIENTS, null, HASH, null))
                .expectSuccessfulHandlerExecution();
        assertThat(registry.countOf(OWNER)).isEqualTo(10);
    }

    @Test
    void nameAlreadyUsedByTheSameOwnerIsRejectedIgnoringCase() {
        registry.with(OWNER, "existing", "CI Script");
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci script", READ_CLIENTS, null, HASH, null))
                .expectException(refusedWith(ErrorCode.PAT_NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void nameUsedByAnotherOwnerIsAccepted() {
        registry.with(OTHER_OWNER, "existing", "ci");
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", READ_CLIENTS, null, HASH, null))
                .expectEvents(created(OWNER, "ci"));
    }

    @Test
    void supportAccountMayCreatePersonalAccessTokens() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, SUPPORT, "ci", READ_CLIENTS, null, HASH, null))
                .expectEvents(created(SUPPORT, "ci"));
    }

    @Test
    void vendorAccountWhoseTenantAccessExpiredGetsNoNewToken() {
        fixture.givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, EXPIRED_SUPPORT, "late", READ_CLIENTS, null, HASH, null))
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void renameToAnotherTokensNameIsRejected() {
        registry.with(OWNER, TOKEN, "ci").with(OWNER, "other-token", "deploy");
        fixture.given(created(OWNER, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/name", null,
                        "Deploy")), new TokenActor(OWNER, false)))
                .expectException(refusedWith(ErrorCode.PAT_NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void ownerChangesTheScope() {
        registry.with(OWNER, TOKEN, "ci");
        fixture.given(created(OWNER, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/scope", null,
                        List.of(Scopes.ALL))), new TokenActor(OWNER, false)))
                .expectEvents(new PersonalAccessTokenUpdated(TOKEN, OWNER, "ci", List.of(Scopes.ALL), NOW));
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
        registry.with(OWNER, TOKEN, "ci");
        fixture.given(created(OWNER, "ci"))
                .when(new UpdatePersonalAccessToken(TOKEN, List.of(new PatchOperation("replace", "/name", null,
                        "ci")), new TokenActor(OWNER, false)))
                .expectNoEvents();
    }

    @Test
    void anotherIdentitysTokenIsNotFoundForACallerWhoManagesOnlyItsOwn() {
        fixture.given(created(OWNER, "ci"))
                .when(new DeletePersonalAccessToken(TOKEN, new TokenActor(OTHER_OWNER, false), "x"))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void deletionFreesTheNameAndTheSlot() {
        registry.with(OWNER, TOKEN, "ci");
        fixture.given(created(OWNER, "ci"))
                .when(new DeletePersonalAccessToken(TOKEN, new TokenActor(OTHER_OWNER, true), "by admin"))
                .expectEvents(new PersonalAccessTokenDeleted(TOKEN, OWNER, "by admin", NOW))
                .expectMarkedDeleted();
        assertThat(registry.holds(TOKEN)).isFalse();
    }
}
