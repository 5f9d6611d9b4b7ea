package dev.idcred.command.apiclient;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientDeleted;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.TenantPolicy;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.command.Fixtures.NOW;
import static dev.idcred.command.Fixtures.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiClientTest {

    private static final String CLIENT = "client-1";
    private static final String ADMIN = "admin";
    private static final String SUPPORT = "support";
    private static final String SERVICES = "services";
    private static final String HASH = "hmac-sha256:00";
    private static final int ONE_MONTH_IN_SECONDS = 30 * 86_400;

    private static final MetaData AS_ADMIN = Fixtures.as(Fixtures.administrator(ADMIN));

    private AggregateTestFixture<ApiClient> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiClient.class);
        fixture.registerInjectableResource(new Fixtures.Identities()
                .with(ADMIN, IdentityKind.USER, "ORG_ADMIN")
                .with(SUPPORT, IdentityKind.SUPPORT, "ORG_ADMIN")
                .with(SERVICES, IdentityKind.SERVICES, "ORG_ADMIN"));
        fixture.registerInjectableResource(Fixtures.CATALOGUE);
        fixture.registerInjectableResource(Fixtures.POLICY);
        fixture.registerInjectableResource(Fixtures.CLOCK);
        fixture.registerInjectableResource(TenantPolicy.none());
    }

    private static ApiClientSettings settings(List<GrantType> grantTypes, List<String> redirectUris,
                                              Integer refreshValidity, List<String> scope) {
        return new ApiClientSettings("app", "an app", null, null, 600, refreshValidity, redirectUris, grantTypes,
                null, null, null, null, null, null, scope);
    }

    private static ApiClientSettings plain() {
        return settings(List.of(GrantType.CLIENT_CREDENTIALS), null, null, List.of("idn:oauth-clients:read"));
    }

    private ApiClientCreated created(ApiClientSettings given, String keyType) {
        return new ApiClientCreated(CLIENT, ADMIN, keyType, ApiClientPolicy.complete(given, Fixtures.CATALOGUE), HASH, NOW, null);
    }

    @Test
    void refreshTokenValidityDefaultsToOneMonthWhenRefreshTokenIsSelected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null,
                        settings(List.of(GrantType.REFRESH_TOKEN), null, null, null), HASH, null), AS_ADMIN)
                .expectEvents(new ApiClientCreated(CLIENT, ADMIN, "API", new ApiClientSettings("app", "an app", null,
                        null, 600, ONE_MONTH_IN_SECONDS, List.of(), List.of(GrantType.REFRESH_TOKEN), "OFFLINE",
                        "CONFIDENTIAL", false, true, false, false, List.of(Scopes.DEFAULT)), HASH, NOW, null));
    }

    @Test
    void chosenRefreshTokenValidityIsKept() {
        ApiClientSettings given = settings(List.of(GrantType.REFRESH_TOKEN), null, 3600, null);
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, given, HASH, null), AS_ADMIN)
                .expectEvents(created(given, "API"));
        assertThat(ApiClientPolicy.complete(given, Fixtures.CATALOGUE).refreshTokenValiditySeconds()).isEqualTo(3600);
    }

    @Test
    void authorizationCodeWithoutRedirectUrlIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null,
                        settings(List.of(GrantType.AUTHORIZATION_CODE), List.of(), null, null), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.REDIRECT_URI_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void redirectUrlThatIsNotAbsoluteHttpsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, settings(List.of(GrantType.AUTHORIZATION_CODE),
                        List.of("http://app.example.com/callback"), null, null), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE))
                .expectNoEvents();
    }

    @Test
    void authorizationCodeWithHttpsRedirectUrlIsAccepted() {
        ApiClientSettings given = settings(List.of(GrantType.AUTHORIZATION_CODE),
                List.of("https://app.example.com/callback"), null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, given, HASH, null), AS_ADMIN)
                .expectEvents(created(given, "API"));
    }

    @Test
    void noScopeSelectedMeansTheDefaultScope() {
        ApiClientSettings given = settings(List.of(GrantType.CLIENT_CREDENTIALS), null, null, List.of());
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, given, HASH, null), AS_ADMIN)
                .expectEvents(created(given, "API"));
        assertThat(ApiClientPolicy.complete(given, Fixtures.CATALOGUE).scope()).containsExactly(Scopes.DEFAULT);
    }

    @Test
    void unknownScopeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, settings(List.of(GrantType.CLIENT_CREDENTIALS),
                        null, null, List.of("idn:no-such-thing:read")), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.UNKNOWN_SCOPE))
                .expectNoEvents();
    }

    @Test
    void accessTypeOtherThanOnlineOrOfflineIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, new ApiClientSettings("app", "d", null, null, 600, null,
                        null, null, "SOMETIMES", null, null, null, null, null, null), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void homepageUrlThatIsNotAnAbsoluteHttpUrlIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, null, new ApiClientSettings("app", "d", null,
                        "javascript:alert(1)", 600, null, null, null, null, null, null, null, null, null, null), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void keyTypeDefaultsToApiAndAnyOtherGivenTypeIsKept() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, "INTEGRATION", plain(), HASH, null), AS_ADMIN)
                .expectEvents(created(plain(), "INTEGRATION"));
    }

    @Test
    void vaKeyCannotBeCreatedThroughTheApiClientEndpoints() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, ADMIN, "VA", plain(), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.VIRTUAL_APPLIANCE_KEY_PROTECTED))
                .expectNoEvents();
    }

    @Test
    void vaKeyCannotBeDeletedThroughTheApiClientEndpoints() {
        fixture.given(created(plain(), "VA"))
                .when(new DeleteApiClient(CLIENT), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.VIRTUAL_APPLIANCE_KEY_PROTECTED))
                .expectNoEvents();
    }

    @Test
    void ordinaryKeyIsDeleted() {
        fixture.given(created(plain(), "API"))
                .when(new DeleteApiClient(CLIENT), AS_ADMIN)
                .expectEvents(new ApiClientDeleted(CLIENT, ADMIN, "API", NOW))
                .expectMarkedDeleted();
    }

    @Test
    void supportAccountCannotCreateApiClientsWhateverItsLevels() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, SUPPORT, null, plain(), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.CREATOR_MAY_NOT_OWN_API_CLIENTS))
                .expectNoEvents();
    }

    @Test
    void servicesAccountCannotCreateApiClientsWhateverItsLevels() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiClient(CLIENT, SERVICES, null, plain(), HASH, null), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.CREATOR_MAY_NOT_OWN_API_CLIENTS))
                .expectNoEvents();
    }

    @Test
    void patchReplacesAFieldAndKeepsTheRules() {
        ApiClientSettings renamed = ApiClientPolicy.complete(new ApiClientSettings("renamed", "an app", null, null,
                600, null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null, null, null, null, null,
                List.of("idn:oauth-clients:read")), Fixtures.CATALOGUE);
        fixture.given(created(plain(), "API"))
                .when(new UpdateApiClient(CLIENT, List.of(new PatchOperation("replace", "/name", null, "renamed"))), AS_ADMIN)
                .expectEvents(new ApiClientUpdated(CLIENT, renamed, NOW, null));
    }

    @Test
    void patchThatChangesNothingWritesNothing() {
        fixture.given(created(plain(), "API"))
                .when(new UpdateApiClient(CLIENT, List.of(new PatchOperation("replace", "/name", null, "app"))), AS_ADMIN)
                .expectNoEvents();
    }

    @Test
    void patchThatAddsAuthorizationCodeWithoutRedirectUrlIsRefused() {
        fixture.given(created(plain(), "API"))
                .when(new UpdateApiClient(CLIENT, List.of(
                        new PatchOperation("add", "/grantTypes/-", null, "AUTHORIZATION_CODE"))), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.REDIRECT_URI_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void vendorAccountGetsNoVirtualApplianceKeyEither() {
        OwnerFacts support = new Fixtures.Identities().with(SUPPORT, IdentityKind.SUPPORT, "ORG_ADMIN")
                .identity(SUPPORT).orElseThrow();
        assertThatThrownBy(() -> ApiClient.applianceKey(CLIENT, support, "va", HASH, Fixtures.CATALOGUE, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CREATOR_MAY_NOT_OWN_API_CLIENTS));
    }

    @Test
    void patchOfAFieldThatIsNotPatchableIsRefused() {
        fixture.given(created(plain(), "API"))
                .when(new UpdateApiClient(CLIENT, List.of(new PatchOperation("add", "/secret", null, "x"))), AS_ADMIN)
                .expectException(refusedWith(ErrorCode.INVALID_VALUE))
                .expectNoEvents();
    }
}
