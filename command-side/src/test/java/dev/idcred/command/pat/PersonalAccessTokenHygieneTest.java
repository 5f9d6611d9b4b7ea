package dev.idcred.command.pat;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.hygiene.ReviewCredential;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.idcred.command.Fixtures.NOW;
import static dev.idcred.command.Fixtures.refusedWith;

/** A personal access token's secrets and lifetime: the tenant's maximum lifetime, rotation, disuse, leaks. */
class PersonalAccessTokenHygieneTest {

    private static final String TOKEN = "token-1";
    private static final String OWNER = "owner";
    private static final String HASH = "hmac-sha256:01";
    private static final List<String> SCOPE = List.of("idn:oauth-clients:read");
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    private final InMemoryPatRegistry registry = new InMemoryPatRegistry();

    private static final Fixtures.Identities IDENTITIES = new Fixtures.Identities().with(OWNER, IdentityKind.USER)
            .with("other", IdentityKind.USER);
    private static final MetaData AS_OWNER = Fixtures.as(Fixtures.person(OWNER, Rights.MY_PATS_READ,
            Rights.MY_PATS_MANAGE, "idn:oauth-clients:read"));

    private AggregateTestFixture<PersonalAccessToken> fixture(TenantPolicy policy) {
        var fixture = new AggregateTestFixture<>(PersonalAccessToken.class);
        fixture.registerInjectableResource(IDENTITIES);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(Fixtures.CATALOGUE);
        fixture.registerInjectableResource(Fixtures.POLICY);
        fixture.registerInjectableResource(Fixtures.CLOCK);
        fixture.registerInjectableResource(policy);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            RotateSecret.Rotation handle(RotateSecret command, Actor actor) {
                return fixture.getRepository().load(command.credentialId())
                        .invoke(token -> token.rotate(command, actor, Fixtures.POLICY, IDENTITIES, policy, NOW));
            }

            @CommandHandler
            void handle(ReviewCredential command) {
                fixture.getRepository().load(command.credentialId())
                        .execute(token -> token.review(policy, NOW));
            }

            @CommandHandler
            boolean handle(ReportLeak command) {
                return fixture.getRepository().load(command.credentialId())
                        .invoke(token -> token.reportLeak(command, NOW));
            }
        });
        return fixture;
    }

    private static TenantPolicy maxLifetime(Duration max) {
        return new TenantPolicy(max, Duration.ofDays(7), null, Duration.ofDays(7));
    }

    private static PersonalAccessTokenCreated created(Instant at, Instant expiresAt) {
        return new PersonalAccessTokenCreated(TOKEN, OWNER, "ci", SCOPE, 43_200, HASH, at, expiresAt);
    }

    @Test
    void underAMaximumLifetimeATokenWithoutExpiryGetsTheLongestAllowed() {
        fixture(maxLifetime(NINETY_DAYS)).givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", SCOPE, null, HASH, null), AS_OWNER)
                .expectEvents(created(NOW, NOW.plus(NINETY_DAYS)));
    }

    @Test
    void underAMaximumLifetimeALongerExpiryIsRefused() {
        fixture(maxLifetime(NINETY_DAYS)).givenNoPriorActivity()
                .when(new CreatePersonalAccessToken(TOKEN, OWNER, "ci", SCOPE, null, HASH,
                        NOW.plus(NINETY_DAYS).plusSeconds(1)), AS_OWNER)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE))
                .expectNoEvents();
    }

    @Test
    void aRotationUnderAMaximumLifetimeRenewsTheExpiry() {
        fixture(maxLifetime(NINETY_DAYS)).given(created(NOW.minus(Duration.ofDays(60)), NOW.plus(Duration.ofDays(30))))
                .when(new RotateSecret(TOKEN, CredentialKind.PERSONAL_ACCESS_TOKEN, "hmac-sha256:02", 0, null),
                        AS_OWNER)
                .expectEvents(new SecretRotated(TOKEN, CredentialKind.PERSONAL_ACCESS_TOKEN, OWNER, 2,
                        "hmac-sha256:02", NOW, NOW.plus(NINETY_DAYS), NOW));
    }

    @Test
    void anotherIdentitysTokenIsNotFoundForRotation() {
        fixture(TenantPolicy.none()).given(created(NOW.minusSeconds(60), null))
                .when(new RotateSecret(TOKEN, CredentialKind.PERSONAL_ACCESS_TOKEN, "hmac-sha256:02", 0, null),
                        Fixtures.as(Fixtures.person("other", Rights.MY_PATS_MANAGE)))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aTokenUnusedTooLongIsDeletedBySystem() {
        var policy = new TenantPolicy(null, Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(7));
        Instant createdAt = NOW.minus(Duration.ofDays(31));
        fixture(policy).given(created(createdAt, null))
                .when(new ReviewCredential(TOKEN, CredentialKind.PERSONAL_ACCESS_TOKEN), AS_OWNER)
                .expectEvents(new PersonalAccessTokenDeleted(TOKEN, OWNER,
                        "Unused since " + createdAt + ", longer than the tenant's limit of PT720H", NOW));
    }

    @Test
    void aLeakedTokenIsDeleted() {
        fixture(TenantPolicy.none()).given(created(NOW.minusSeconds(60), null))
                .when(new ReportLeak(TOKEN, CredentialKind.PERSONAL_ACCESS_TOKEN, HASH, "scanner", null), AS_OWNER)
                .expectEvents(new CredentialLeaked(TOKEN, CredentialKind.PERSONAL_ACCESS_TOKEN, OWNER, 1, "scanner",
                                null, NOW),
                        new PersonalAccessTokenDeleted(TOKEN, OWNER, "Secret version 1 leaked, reported by scanner",
                                NOW));
    }
}
