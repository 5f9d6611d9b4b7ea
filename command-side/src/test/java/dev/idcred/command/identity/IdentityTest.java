package dev.idcred.command.identity;

import dev.idcred.command.Fixtures;
import dev.idcred.command.signin.Usernames;
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
        fixture.registerInjectableResource(usernames);
        fixture.registerInjectableResource(secrets);
        fixture.registerInjectableResource(new Fixtures.Identities());
    }

    private final InMemoryUsernames usernames = new InMemoryUsernames();
    private final InMemorySignInSecrets secrets = new InMemorySignInSecrets();

    /** Usernames as the JDBC register keeps them: unique ignoring case. */
    static final class InMemoryUsernames implements Usernames {
        final java.util.Map<String, String> byKey = new java.util.HashMap<>();

        @Override
        public boolean claim(String username, String identityId) {
            String holder = byKey.get(username.toLowerCase());
            if (holder != null) {
                return holder.equals(identityId);
            }
            release(identityId);
            byKey.put(username.toLowerCase(), identityId);
            return true;
        }

        @Override
        public void release(String identityId) {
            byKey.values().removeIf(identityId::equals);
        }

        @Override
        public java.util.Optional<String> holderOf(String username) {
            return java.util.Optional.ofNullable(byKey.get(username.toLowerCase()));
        }

        @Override
        public java.util.Optional<String> usernameOf(String identityId) {
            return byKey.entrySet().stream().filter(e -> e.getValue().equals(identityId)).map(java.util.Map.Entry::getKey)
                    .findFirst();
        }
    }

    /** Only what the aggregate asks of the secrets: passwords stored, the rest forgotten. */
    static final class InMemorySignInSecrets implements dev.idcred.command.signin.SignInSecrets {
        final java.util.Map<String, String> passwords = new java.util.HashMap<>();

        @Override
        public void storePassword(String identityId, String passwordHash, Instant now) {
            passwords.put(identityId, passwordHash);
        }

        @Override
        public java.util.Optional<String> passwordHash(String identityId) {
            return java.util.Optional.ofNullable(passwords.get(identityId));
        }

        @Override
        public void startEnrolment(String identityId, byte[] secret, Instant now) {
        }

        @Override
        public java.util.Optional<byte[]> pendingSecret(String identityId) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean confirmEnrolment(String identityId, long step, List<String> recoveryCodeHashes) {
            return false;
        }

        @Override
        public java.util.Optional<Enrolled> enrolled(String identityId) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean useStep(String identityId, long step) {
            return false;
        }

        @Override
        public java.util.OptionalInt spendRecoveryCode(String identityId, String codeHash) {
            return java.util.OptionalInt.empty();
        }

        @Override
        public void removeAuthenticator(String identityId) {
        }

        @Override
        public void forget(String identityId) {
            passwords.remove(identityId);
        }
    }

    private static IdentityCreated user() {
        return new IdentityCreated(ID, "Ann", IdentityKind.USER, null, NO_RULES, NOW, null);
    }

    @Test
    void aUsernameIsUniqueIgnoringCase() {
        usernames.claim("ann", "someone-else");
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null, null, "ANN"), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.USERNAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void aUsernameCanBeChangedButNotRemoved() {
        fixture.given(new IdentityCreated(ID, "Ann", IdentityKind.USER, null, NO_RULES, NOW, "ann"))
                .when(new UpdateIdentity(ID, List.of(new PatchOperation("remove", "/username", null, null))), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void anInvitationSetsThePasswordOnceAndOnlyWhileItIsCurrent() {
        var created = new IdentityCreated(ID, "Ann", IdentityKind.USER, null, NO_RULES, NOW, "ann");
        var first = new dev.idcred.shared.signin.InvitationIssued(ID, "inv-1", NOW.plusSeconds(3600), NOW);
        var second = new dev.idcred.shared.signin.InvitationIssued(ID, "inv-2", NOW.plusSeconds(3600), NOW);
        MetaData anyone = Fixtures.as(dev.idcred.shared.policy.Actor.unknown("invitation"));
        fixture.given(created, first, second)
                .when(new dev.idcred.shared.signin.SetPassword(ID, "inv-1", "hash"), anyone)
                .expectException(refusedWith(ErrorCode.INVITATION_NOT_VALID));
        fixture.given(created, second, new dev.idcred.shared.signin.PasswordSet(ID, "inv-2", NOW))
                .when(new dev.idcred.shared.signin.SetPassword(ID, "inv-2", "hash"), anyone)
                .expectException(refusedWith(ErrorCode.INVITATION_NOT_VALID));
        fixture.given(created, second)
                .when(new dev.idcred.shared.signin.SetPassword(ID, "inv-2", "hash"), anyone)
                .expectEvents(new dev.idcred.shared.signin.PasswordSet(ID, "inv-2", NOW));
        fixture.given(created, second)
                .when(new dev.idcred.shared.signin.SetPassword(ID, null, "hash"), anyone)
                .expectException(refusedWith(ErrorCode.INVITATION_NOT_VALID));
    }

    @Test
    void anExpiredInvitationSetsNothing() {
        fixture.given(new IdentityCreated(ID, "Ann", IdentityKind.USER, null, NO_RULES, NOW, "ann"),
                        new dev.idcred.shared.signin.InvitationIssued(ID, "inv-1", NOW, NOW.minusSeconds(60)))
                .when(new dev.idcred.shared.signin.SetPassword(ID, "inv-1", "hash"),
                        Fixtures.as(dev.idcred.shared.policy.Actor.unknown("invitation")))
                .expectException(refusedWith(ErrorCode.INVITATION_NOT_VALID));
    }

    @Test
    void anIdentityIsRemovedByAnAdministratorButNeverByItself() {
        fixture.given(user())
                .when(new dev.idcred.shared.identity.DeleteIdentity(ID, "left"), AS_ADMIN)
                .expectEvents(new dev.idcred.shared.identity.IdentityDeleted(ID, "left", NOW));
        fixture.given(user())
                .when(new dev.idcred.shared.identity.DeleteIdentity(ID, "left"),
                        Fixtures.as(Fixtures.administrator(ID)))
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
    }

    @Test
    void supportAccountNeedsATenantAccessExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Sam", IdentityKind.SUPPORT, null, null, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void userAccountCannotHaveATenantAccessExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, EXPIRY, null, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void servicesAccountIsCreatedWithItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Sam", IdentityKind.SERVICES, EXPIRY, null, null), AS_ADMIN)
                .expectEvents(new IdentityCreated(ID, "Sam", IdentityKind.SERVICES, EXPIRY, NO_RULES, NOW, null));
    }

    @Test
    void networkRuleThatIsNotACidrRangeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null,
                        new NetworkRules(List.of("10.0.0.0/33"), List.of()), null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void networkRuleThatIsAHostNameOrAMalformedAddressIsRefused() {
        for (String range : List.of("dead.beef/8", "localhost/8", "999.0.0.0/8", " 10.0.0.0/8", "10.0.0/8")) {
            fixture.givenNoPriorActivity()
                    .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null,
                            new NetworkRules(List.of(range), List.of()), null), AS_ADMIN)
                    .expectException(refusedWith(ErrorCode.INVALID_VALUE));
        }
    }

    @Test
    void countryThatIsNotAnIsoCodeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateIdentity(ID, "Ann", IdentityKind.USER, null,
                        new NetworkRules(List.of("10.0.0.0/8"), List.of("XX")), null), AS_ADMIN)
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
