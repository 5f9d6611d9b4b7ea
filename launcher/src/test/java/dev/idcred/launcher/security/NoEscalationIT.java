package dev.idcred.launcher.security;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's rule as a property: for random callers (levels, and the scope of the token they call with), random
 * scopes asked for, and every endpoint that creates, re-scopes or rotates a credential or grants a level, whatever
 * the service agrees to never hands the caller more than the calling token holds now. A credential handed over is
 * checked by what a token for its secret holds; a re-scoping by what the credential holds after it; a level by the
 * rights it brings.
 */
class NoEscalationIT {

    private static final RunningService SERVICE = RunningService.shared();
    private static final Api API = SERVICE.api();
    private static final String ADMIN = API.adminToken();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final List<String> LEVELS = List.of("ORG_ADMIN", "HELPDESK", "CERT_ADMIN", "REPORT_ADMIN",
            "ROLE_ADMIN", "SOURCE_ADMIN", "CREDENTIAL_SECURITY");
    private static final List<String> RIGHTS = List.of("idn:oauth-clients:read", "idn:oauth-clients:manage",
            "idn:my-personal-access-tokens:read", "idn:my-personal-access-tokens:manage",
            "idn:all-personal-access-tokens:read", "idn:all-personal-access-tokens:manage", "idn:auth-users:manage",
            "idn:identities:read", "idn:identities:manage", "idn:audit:read", "idn:roles:manage",
            "idn:sources:read", "idn:reports:read", "idn:virtual-appliances:manage");

    enum Operation {
        CREATE_OWN_PAT, RESCOPE_OWN_PAT, ROTATE_OWN_PAT, RESCOPE_OTHERS_PAT, ROTATE_OTHERS_PAT, CREATE_PAT_FOR_OTHER,
        CREATE_CLIENT, RESCOPE_OTHERS_CLIENT, ROTATE_OTHERS_CLIENT, GRANT_LEVEL, ROTATE_APPLIANCE_KEY
    }

    /** Someone calling: their identity, their token, and what that token holds now. */
    private record Caller(String identityId, String token, Set<String> rights) {
    }

    @Property(tries = 80)
    void nothingTheServiceAgreesToHandsTheCallerMoreThanItsTokenHolds(
            @ForAll("levels") List<String> callerLevels, @ForAll("scopes") List<String> callerScope,
            @ForAll Operation operation, @ForAll("scopes") List<String> asked, @ForAll("levels") List<String> others) {
        Caller caller = caller(callerLevels, callerScope);
        switch (operation) {
            case CREATE_OWN_PAT -> handed(API.post("/v3/personal-access-tokens", caller.token(),
                    Map.of("name", name(), "scope", asked)), caller);
            case RESCOPE_OWN_PAT -> rescoped(pat(caller.identityId(), List.of("idn:my-personal-access-tokens:read")),
                    "/v3/personal-access-tokens/", asked, caller);
            case ROTATE_OWN_PAT -> handed(API.post("/v3/personal-access-tokens/" + pat(caller.identityId(), asked)
                    + "/secret", caller.token(), Map.of("gracePeriodSeconds", 0)), caller);
            case RESCOPE_OTHERS_PAT -> rescoped(pat(identity(others), List.of("idn:my-personal-access-tokens:read")),
                    "/v3/personal-access-tokens/", asked, caller);
            case ROTATE_OTHERS_PAT -> handed(API.post("/v3/personal-access-tokens/" + pat(identity(others), asked)
                    + "/secret", caller.token(), Map.of("gracePeriodSeconds", 0)), caller);
            case CREATE_PAT_FOR_OTHER -> handed(API.post("/v3/personal-access-tokens", caller.token(),
                    Map.of("name", name(), "scope", asked, "ownerId", identity(others))), caller);
            case CREATE_CLIENT -> handed(API.post("/v3/oauth-clients", caller.token(),
                    Map.of("name", name(), "scope", asked)), caller);
            case RESCOPE_OTHERS_CLIENT -> rescoped(client(List.of("idn:oauth-clients:read")), "/v3/oauth-clients/",
                    asked, caller);
            case ROTATE_OTHERS_CLIENT -> handed(API.post("/v3/oauth-clients/" + client(asked) + "/secret",
                    caller.token(), Map.of("gracePeriodSeconds", 0)), caller);
            case GRANT_LEVEL -> granted(others, caller);
            case ROTATE_APPLIANCE_KEY -> handed(API.post("/v3/virtual-appliances/" + API.post(
                    "/v3/virtual-appliances", ADMIN, Map.of("name", name())).expect(200).field("id") + "/secret",
                    caller.token(), Map.of("gracePeriodSeconds", 0)), caller);
        }
    }

    /** A create or a rotation answered a secret: a token for it holds only what the caller holds. */
    private static void handed(Api.Response answer, Caller caller) {
        assertThat(answer.status()).as(answer.text()).isLessThan(500);
        if (answer.status() != 200) {
            return;
        }
        String id = answer.field("clientId") != null ? answer.field("clientId") : answer.field("id");
        Api.Response token = API.tokenRequest(id, answer.field("secret"));
        if (token.status() == 200) {
            assertThat(rights(token.field("scope"))).as("a token for the credential handed over")
                    .isSubsetOf(caller.rights());
        }
    }

    /** A re-scoping was agreed to: the credential now holds only what the caller holds. */
    private static void rescoped(String credentialId, String path, List<String> asked, Caller caller) {
        Api.Response answer = API.patch(path + credentialId, caller.token(), List.of(Map.of("op", "replace",
                "path", "/scope", "value", asked)));
        assertThat(answer.status()).as(answer.text()).isLessThan(500);
        if (answer.status() == 200) {
            Api.Response rotated = API.post(path + credentialId + "/secret", ADMIN, Map.of("gracePeriodSeconds", 0))
                    .expect(200);
            Api.Response token = API.tokenRequest(credentialId, rotated.field("secret"));
            if (token.status() == 200) {
                assertThat(rights(token.field("scope"))).as("the credential after the re-scoping")
                        .isSubsetOf(caller.rights());
            }
        }
    }

    /** A level was granted: only one whose rights the caller holds. */
    private static void granted(List<String> levels, Caller caller) {
        String target = identity(List.of());
        for (String level : levels) {
            Api.Response answer = API.patch("/v3/auth-users/" + target, caller.token(), List.of(Map.of("op", "add",
                    "path", "/capabilities/-", "value", level)));
            assertThat(answer.status()).as(answer.text()).isLessThan(500);
            if (answer.status() == 200) {
                String pat = pat(target, List.of("sp:scopes:all"));
                Api.Response rotated = API.post("/v3/personal-access-tokens/" + pat + "/secret", ADMIN,
                        Map.of("gracePeriodSeconds", 0)).expect(200);
                Set<String> brought = rights(API.tokenRequest(pat, rotated.field("secret")).expect(200)
                        .field("scope"));
                brought.removeAll(Set.of("idn:my-personal-access-tokens:read", "idn:my-personal-access-tokens:manage"));
                assertThat(brought).as("the rights of the levels granted").isSubsetOf(caller.rights());
            }
        }
    }

    private static Caller caller(List<String> levels, List<String> scope) {
        String id = identity(levels);
        Api.Response pat = API.createPat(ADMIN, id, name(), scope).expect(200);
        Api.Response token = API.tokenRequest(pat.field("id"), pat.field("secret")).expect(200);
        return new Caller(id, token.field("access_token"), rights(token.field("scope")));
    }

    private static String identity(List<String> levels) {
        return API.createIdentity(ADMIN, name(), "USER", levels.toArray(String[]::new));
    }

    private static String pat(String owner, List<String> scope) {
        return API.createPat(ADMIN, owner, name(), scope).expect(200).field("id");
    }

    private static String client(List<String> scope) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name());
        body.put("scope", scope);
        return API.post("/v3/oauth-clients", ADMIN, body).expect(200).field("id");
    }

    private static Set<String> rights(String scope) {
        var rights = new TreeSet<String>();
        if (scope != null) {
            Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank() && !s.equals("sp:scopes:default"))
                    .forEach(rights::add);
        }
        return rights;
    }

    private static String name() {
        return "escalation-" + NAMES.incrementAndGet();
    }

    @Provide
    Arbitrary<List<String>> levels() {
        return Arbitraries.of(LEVELS).list().uniqueElements().ofMaxSize(2);
    }

    @Provide
    Arbitrary<List<String>> scopes() {
        Arbitrary<List<String>> rights = Arbitraries.of(RIGHTS).list().uniqueElements().ofMaxSize(4);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of("sp:scopes:all"))),
                net.jqwik.api.Tuple.of(4, rights));
    }
}
