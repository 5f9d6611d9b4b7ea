package dev.idcred.command.identity;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.RevokeUserLevel;
import dev.idcred.shared.identity.UpdateIdentity;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.idcred.command.Fixtures.NOW;
import static dev.idcred.command.Fixtures.refusedWith;

class IdentityTest {

    private static final String ID = "identity-1";
    private static final Instant EXPIRY = Instant.parse("2026-06-30T00:00:00Z");
    private static final NetworkRules NO_RULES = new NetworkRules(List.of(), List.of());

    private static final MetaData AS_ADMIN = Fixtures.as(Fixtures.administrator("admin"));

    private AggregateTestFixture<Identity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Identity.class);
        fixture.registerInjectableResource(Fixtures.CATALOGUE);
        fixture.registerInjectableResource(Fixtures.POLICY);
        fixture.registerInjectableResource(Fixtures.CLOCK);
    }

    private static IdentityCreated user() {
        return new IdentityCreated(ID, "Ann", IdentityKind.USER, null, NO_RULES, NOW);
    }

    @Test
    void supportAccountNeedsATenantAccessExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Sam", IdentityKind.SUPPORT, null, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void userAccountCannotHaveATenantAccessExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, EXPIRY, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void servicesAccountIsCreatedWithItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Sam", IdentityKind.SERVICES, EXPIRY, null), AS_ADMIN)
                .expectEvents(new IdentityCreated(ID, "Sam", IdentityKind.SERVICES, EXPIRY, NO_RULES, NOW));
    }

    @Test
    void networkRuleThatIsNotACidrRangeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null,
                        new NetworkRules(List.of("10.0.0.0/33"), List.of())), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void networkRuleThatIsAHostNameOrAMalformedAddressIsRefused() {
        for (String range : List.of("dead.beef/8", "localhost/8", "999.0.0.0/8", " 10.0.0.0/8", "10.0.0/8")) {
            fixture.givenNoPriorActivity()
                    .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null,
                            new NetworkRules(List.of(range), List.of())), AS_ADMIN)
                    .expectException(refusedWith(ErrorCode.INVALID_VALUE));
        }
    }

    @Test
    void countryThatIsNotAnIsoCodeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null,
                        new NetworkRules(List.of("10.0.0.0/8"), List.of("XX"))), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
        fixture.given(user())
                .when(new UpdateIdentity(ID, List.of(new PatchOperation("replace", "/name", null, user().name()))), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void knownLevelIsGranted() {
        fixture.given(user())
                .when(new GrantUserLevel(ID, "HELPDESK"), AS_ADMIN)
                .expectEvents(new UserLevelGranted(ID, "HELPDESK", NOW));
    }

    @Test
    void grantingALevelAlreadyHeldChangesNothing() {
        fixture.given(user(), new UserLevelGranted(ID, "HELPDESK", NOW))
                .when(new GrantUserLevel(ID, "HELPDESK"), AS_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unknownLevelIsRefused() {
        fixture.given(user())
                .when(new GrantUserLevel(ID, "KING"), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.UNKNOWN_USER_LEVEL));
    }

    @Test
    void heldLevelIsRevoked() {
        fixture.given(user(), new UserLevelGranted(ID, "HELPDESK", NOW))
                .when(new RevokeUserLevel(ID, "HELPDESK"), AS_ADMIN)
                .expectEvents(new UserLevelRevoked(ID, "HELPDESK", NOW));
    }
}
