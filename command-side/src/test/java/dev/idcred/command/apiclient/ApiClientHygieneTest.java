package dev.idcred.command.apiclient;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.ApiClientUsed;
import dev.idcred.shared.credential.CredentialExpired;
import dev.idcred.shared.credential.CredentialExpiringSoon;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.CredentialUnusedWarning;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.hygiene.ReviewCredential;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.usage.ClientSeen;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.RecordUsage;
import dev.idcred.shared.usage.Usage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.idcred.command.Fixtures.NOW;
import static dev.idcred.command.Fixtures.refusedWith;

/** An API client's secrets and lifetime: rotation with grace, expiry and its notices, disuse, leaks, usage. */
class ApiClientHygieneTest {

    private static final String CLIENT = "client-1";
    private static final String ADMIN = "admin";
    private static final String HASH = "hmac-sha256:01";
    private static final Duration MONTH = Duration.ofDays(30);

    private static final Fixtures.Identities IDENTITIES = new Fixtures.Identities()
            .with(ADMIN, IdentityKind.USER, "ORG_ADMIN");
    private static final MetaData AS_ADMIN = Fixtures.as(Fixtures.administrator(ADMIN));

    private static AggregateTestFixture<ApiClient> fixture(TenantPolicy policy) {
        var fixture = new AggregateTestFixture<>(ApiClient.class);
        fixture.registerInjectableResource(IDENTITIES);
        fixture.registerInjectableResource(Fixtures.CATALOGUE);
        fixture.registerInjectableResource(Fixtures.POLICY);
        fixture.registerInjectableResource(Fixtures.CLOCK);
        fixture.registerInjectableResource(policy);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            RotateSecret.Rotation handle(RotateSecret command, Actor actor) {
                return fixture.getRepository().load(command.credentialId())
                        .invoke(client -> client.rotate(command, actor, Fixtures.POLICY, IDENTITIES, policy, NOW));
            }

            @CommandHandler
            void handle(ReviewCredential command) {
                fixture.getRepository().load(command.credentialId()).execute(client -> client.review(policy, NOW));
            }

            @CommandHandler
            boolean handle(ReportLeak command) {
                return fixture.getRepository().load(command.credentialId())
                        .invoke(client -> client.reportLeak(command, NOW));
            }

            @CommandHandler
            void handle(RecordUsage command) {
                fixture.getRepository().load(command.credentialId())
                        .execute(client -> client.recordUsage(command.usedAt(), command.usage()));
            }
        });
        return fixture;
    }

    private static ApiClientSettings settings(boolean enabled) {
        return ApiClientPolicy.complete(new ApiClientSettings("app", null, null, null, 600, null, null,
                List.of(GrantType.CLIENT_CREDENTIALS), null, null, null, enabled, null, null,
                List.of("idn:oauth-clients:read")), Fixtures.CATALOGUE);
    }

    private static ApiClientCreated created(String keyType, Instant createdAt, Instant expiresAt) {
        return new ApiClientCreated(CLIENT, ADMIN, keyType, settings(true), HASH, createdAt, expiresAt);
    }

    @Test
    void aRotationAddsTheNextVersionAndKeepsTheEarlierOneForTheGracePeriod() {
        fixture(TenantPolicy.none()).given(created("API", NOW.minusSeconds(60), null))
                .when(new RotateSecret(CLIENT, CredentialKind.API_CLIENT, "hmac-sha256:02", 3_600, null), AS_ADMIN)
                .expectEvents(new SecretRotated(CLIENT, CredentialKind.API_CLIENT, ADMIN, 2, "hmac-sha256:02",
                        NOW.plusSeconds(3_600), null, NOW))
                .expectResultMessagePayload(new RotateSecret.Rotation(CLIENT, 2, NOW.plusSeconds(3_600), null));
    }

    @Test
    void withoutAGracePeriodTheEarlierSecretsGetADay() {
        fixture(TenantPolicy.none()).given(created("API", NOW.minusSeconds(60), null))
                .when(new RotateSecret(CLIENT, CredentialKind.API_CLIENT, "hmac-sha256:02", null, null), AS_ADMIN)
                .expectEvents(new SecretRotated(CLIENT, CredentialKind.API_CLIENT, ADMIN, 2, "hmac-sha256:02",
                        NOW.plusSeconds(86_400), null, NOW));
    }

    @Test
    void aGracePeriodBeyondSevenDaysIsRefused() {
        fixture(TenantPolicy.none()).given(created("API", NOW.minusSeconds(60), null))
                .when(new RotateSecret(CLIENT, CredentialKind.API_CLIENT, "hmac-sha256:02", 7 * 86_400 + 1, null),
                        AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE))
                .expectNoEvents();
    }

    @Test
    void aVaKeyRotatesOnlyWithItsAppliance() {
        fixture(TenantPolicy.none()).given(created("VA", NOW.minusSeconds(60), null))
                .when(new RotateSecret(CLIENT, CredentialKind.API_CLIENT, "hmac-sha256:02", 0, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.VIRTUAL_APPLIANCE_KEY_PROTECTED))
                .expectNoEvents();
    }

    @Test
    void anExpiredClientIsNotRotatedBackToLife() {
        fixture(TenantPolicy.none()).given(created("API", NOW.minusSeconds(600), NOW.minusSeconds(1)))
                .when(new RotateSecret(CLIENT, CredentialKind.API_CLIENT, "hmac-sha256:02", 0, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.CONFLICT));
    }

    @Test
    void anExpiryInThePastIsRefusedOnCreate() {
        fixture(TenantPolicy.none()).givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, settings(true), HASH, NOW), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE))
                .expectNoEvents();
    }

    @Test
    void aClientIsWarnedSevenDaysBeforeItsExpiryOnce() {
        Instant expiry = NOW.plus(Duration.ofDays(3));
        CredentialExpiringSoon warning = new CredentialExpiringSoon(CLIENT, CredentialKind.API_CLIENT, ADMIN, expiry,
                NOW);
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), expiry))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectEvents(warning);
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), expiry), warning)
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void aClientFarFromItsExpiryIsNotWarned() {
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), NOW.plus(Duration.ofDays(8))))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void anExpiryThatPassedIsNotedOnceAndNeverWarnedOfAfterwards() {
        Instant expiry = NOW.minusSeconds(5);
        CredentialExpired noted = new CredentialExpired(CLIENT, CredentialKind.API_CLIENT, ADMIN, expiry, NOW);
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), expiry))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectEvents(noted);
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), expiry), noted)
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void aClientUnusedSinceItsCreationIsWarnedThenDisabledBySystem() {
        var policy = new TenantPolicy(null, Duration.ofDays(7), MONTH, Duration.ofDays(7));
        Instant created = NOW.minus(Duration.ofDays(25));
        fixture(policy).given(created("API", created, null))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectEvents(new CredentialUnusedWarning(CLIENT, CredentialKind.API_CLIENT, ADMIN, created,
                        created.plus(MONTH), NOW));

        Instant longAgo = NOW.minus(Duration.ofDays(31));
        fixture(policy).given(created("API", longAgo, null))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectEvents(new ApiClientUpdated(CLIENT, settings(false), NOW,
                        "Unused since " + longAgo + ", longer than the tenant's limit of " + MONTH));
    }

    @Test
    void aUseStartsTheDisuseAfresh() {
        var policy = new TenantPolicy(null, Duration.ofDays(7), MONTH, Duration.ofDays(7));
        fixture(policy).given(created("API", NOW.minus(Duration.ofDays(40)), null),
                        new ApiClientUsed(CLIENT, NOW.minus(Duration.ofDays(2)), Usage.single()))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void vaKeysAreNotStoppedForDisuse() {
        var policy = new TenantPolicy(null, Duration.ofDays(7), MONTH, Duration.ofDays(7));
        fixture(policy).given(created("VA", NOW.minus(Duration.ofDays(90)), null))
                .when(new ReviewCredential(CLIENT, CredentialKind.API_CLIENT), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void aLeakedValidSecretEndsAndTheClientIsDisabled() {
        CredentialLeaked leaked = new CredentialLeaked(CLIENT, CredentialKind.API_CLIENT, ADMIN, 1, "scanner",
                "https://paste.example/1", NOW);
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), null))
                .when(new ReportLeak(CLIENT, CredentialKind.API_CLIENT, HASH, "scanner", "https://paste.example/1"), AS_ADMIN)
                .expectEvents(leaked, new ApiClientUpdated(CLIENT, settings(false), NOW,
                        "Secret version 1 leaked at https://paste.example/1, reported by scanner"))
                .expectResultMessagePayload(true);
    }

    @Test
    void aSecretRotatedAwayChangesNothingWhenReported() {
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), null),
                        new SecretRotated(CLIENT, CredentialKind.API_CLIENT, ADMIN, 2, "hmac-sha256:02",
                                NOW.minusSeconds(10), null, NOW.minusSeconds(60)))
                .when(new ReportLeak(CLIENT, CredentialKind.API_CLIENT, HASH, "scanner", null), AS_ADMIN)
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aUsageTallyIsRecordedAsTheTokenEndpointSentIt() {
        var usage = new Usage(3, List.of(1), List.of(new ClientSeen("203.0.113.9", "FR", NOW)));
        fixture(TenantPolicy.none()).given(created("API", NOW.minus(MONTH), null))
                .when(new RecordUsage(CLIENT, CredentialKind.API_CLIENT, NOW, usage), AS_ADMIN)
                .expectEvents(new ApiClientUsed(CLIENT, NOW, usage));
    }
}
