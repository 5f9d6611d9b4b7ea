package dev.idcred.command.oauth;

import dev.idcred.access.issuer.Issuer;
import dev.idcred.shared.apiclient.RedirectUris;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.usage.CredentialKind;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an authorization request (RFC 6749 §4.1.1) may become. First what decides whether anything may go back to the
 * client: every parameter at most once and of bounded size, a known API client with the authorization-code grant, and a
 * {@code redirect_uri} that is one of its own ({@link RedirectUris}); failing any of these, an error page. Then what
 * goes back to the client as an error (RFC 6749 §4.1.2.1, with {@code state} and {@code iss}, RFC 9207):
 * {@code response_type} other than {@code code}, a missing or non-S256 PKCE challenge (required of every client, RFC
 * 9700 §2.1.1), a scope that is neither a right the client may have nor {@code openid}/{@code profile}.
 */
@Component
public class AuthorizationRequests {

    static final int MAX_PARAMETER_LENGTH = 2048;
    private static final Set<String> PARAMETERS = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method", "nonce", "prompt", "response_mode", "login_hint",
            "max_age", "ui_locales", "display", "acr_values", "claims_locales");

    /** How checking a request ended. */
    public sealed interface Outcome {
    }

    /** Nothing may go back to the client: an error page with this reason. */
    public record Refused(String reason) implements Outcome {
    }

    /** An error the client is told of, at its redirect URI. */
    public record BackToClient(String location) implements Outcome {
    }

    /** A request that may proceed. {@code scope} is null when the client asked for none (then: all it may have). */
    public record Checked(CredentialFacts client, String redirectUri, String state, String nonce,
                          String codeChallenge, List<String> scope, String prompt, String issuer,
                          Map<String, String> parameters) implements Outcome {

        public String errorRedirect(String error, String description) {
            return AuthorizationRequests.back(redirectUri, state, issuer, Map.of("error", error,
                    "error_description", description));
        }

        /** The host the person is sent back to, as the consent page shows it. */
        public String redirectHost() {
            return URI.create(redirectUri).getHost();
        }

        /** The request's parameters, to post back from the consent page. */
        public Map<String, String> asFormFields() {
            return parameters;
        }

        public String asQuery() {
            return parameters.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
    }

    /**
     * What the person is asked to let the client do: the rights asked for that the client may have and the person
     * holds, the protocol scopes, and the rights asked for that the person does not hold (withheld, shown as such).
     */
    public record Offer(List<String> rights, List<String> protocol, List<String> withheld, boolean consented) {
        public List<String> scope() {
            List<String> all = new ArrayList<>(protocol);
            all.addAll(rights);
            return all;
        }
    }

    private final CredentialStates states;
    private final RightsCatalogue catalogue;
    private final AuthorizationCodes codes;
    private final Issuer issuer;
    private final Clock clock;

    AuthorizationRequests(CredentialStates states, RightsCatalogue catalogue, AuthorizationCodes codes,
                          Issuer issuer, Clock clock) {
        this.states = states;
        this.catalogue = catalogue;
        this.codes = codes;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Outcome check(MultiValueMap<String, String> given) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (var entry : given.entrySet()) {
            if (entry.getValue().size() > 1) {
                return new Refused("The parameter " + shown(entry.getKey()) + " was given more than once.");
            }
            String value = entry.getValue().getFirst();
            if (entry.getKey().length() > 64 || value != null && value.length() > MAX_PARAMETER_LENGTH) {
                return new Refused("A parameter is too long.");
            }
            if (PARAMETERS.contains(entry.getKey()) && value != null && !value.isEmpty()) {
                parameters.put(entry.getKey(), value);
            }
        }
        String clientId = parameters.get("client_id");
        CredentialFacts client = clientId == null ? null : states.credential(clientId)
                .map(CredentialAccess::credential)
                .filter(c -> c.kind() == CredentialKind.API_CLIENT && c.registration() != null)
                .filter(c -> c.grantTypes().contains(GrantType.AUTHORIZATION_CODE))
                .orElse(null);
        if (client == null) {
            return new Refused("The application is not one registered here for people to sign in to.");
        }
        String redirectUri = parameters.get("redirect_uri");
        if (!RedirectUris.matches(client.registration().redirectUris(), redirectUri)) {
            return new Refused("The address to return to is not one the application registered.");
        }
        String state = parameters.get("state");
        String iss = issuer.url();
        if (!states.credential(clientId).map(c -> c.usableAt(clock.instant())).orElse(false)) {
            return new BackToClient(back(redirectUri, state, iss, Map.of("error", "unauthorized_client",
                    "error_description", "The client is disabled or has expired")));
        }
        if (!"code".equals(parameters.get("response_type"))) {
            return new BackToClient(back(redirectUri, state, iss, Map.of("error", "unsupported_response_type",
                    "error_description", "Only response_type=code is supported")));
        }
        String mode = parameters.get("response_mode");
        if (mode != null && !"query".equals(mode)) {
            return new BackToClient(back(redirectUri, state, iss, Map.of("error", "invalid_request",
                    "error_description", "Only response_mode=query is supported")));
        }
        String challenge = parameters.get("code_challenge");
        if (!"S256".equals(parameters.get("code_challenge_method")) || !Pkce.validChallenge(challenge)) {
            return new BackToClient(back(redirectUri, state, iss, Map.of("error", "invalid_request",
                    "error_description", "PKCE is required: code_challenge (43 characters) with"
                            + " code_challenge_method=S256")));
        }
        String prompt = parameters.get("prompt");
        if (prompt != null && !Set.of("none", "consent", "login").contains(prompt)) {
            return new BackToClient(back(redirectUri, state, iss, Map.of("error", "invalid_request",
                    "error_description", "prompt is none, login or consent")));
        }
        List<String> scope = null;
        if (parameters.containsKey("scope")) {
            scope = List.copyOf(new LinkedHashSet<>(List.of(parameters.get("scope").trim().split("\\s+"))));
            Set<String> mayHave = catalogue.effectiveRights(client.scope(), catalogue.levels().keySet());
            List<String> unknown = scope.stream().filter(s -> !Scopes.PROTOCOL.contains(s) && !mayHave.contains(s))
                    .toList();
            if (!unknown.isEmpty()) {
                return new BackToClient(back(redirectUri, state, iss, Map.of("error", "invalid_scope",
                        "error_description", "The client may not ask for " + shown(String.join(" ", unknown)))));
            }
        }
        return new Checked(client, redirectUri, state, parameters.get("nonce"), challenge, scope, prompt, iss,
                parameters);
    }

    /** What to ask the person, and whether their standing consent already covers it. */
    public Offer offer(Checked request, OwnerFacts person) {
        Set<String> holds = catalogue.effectiveRights(request.client().scope(), person.levels());
        List<String> asked = request.scope() != null ? request.scope()
                : holds.stream().sorted().toList();
        List<String> protocol = asked.stream().filter(Scopes.PROTOCOL::contains).toList();
        List<String> rights = asked.stream().filter(s -> !Scopes.PROTOCOL.contains(s)).filter(holds::contains)
                .toList();
        List<String> withheld = asked.stream().filter(s -> !Scopes.PROTOCOL.contains(s))
                .filter(s -> !holds.contains(s)).toList();
        OwnerFacts.Consent standing = person.consents().get(request.client().credentialId());
        boolean consented = !"consent".equals(request.prompt()) && standing != null
                && Set.copyOf(standing.scope()).containsAll(protocol)
                && Set.copyOf(standing.scope()).containsAll(rights);
        return new Offer(rights, protocol, withheld, consented);
    }

    /** Issues a code for what was offered and consented to, and answers where the browser goes with it. */
    public String issueCode(Checked request, Offer offer, OwnerFacts person, Instant authTime) {
        Instant now = clock.instant();
        String code = codes.issue(new AuthorizationCodes.Grant(request.client().credentialId(), person.identityId(),
                request.redirectUri(), request.codeChallenge(), offer.scope(), request.nonce(),
                authTime == null ? now : authTime, now.plus(AuthorizationCodes.VALIDITY)));
        return back(request.redirectUri(), request.state(), request.issuer(), Map.of("code", code));
    }

    static String back(String redirectUri, String state, String issuer, Map<String, String> values) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> location.append(enc(e.getKey())).append('=').append(enc(e.getValue())).append('&'));
        if (state != null) {
            location.append("state=").append(enc(state)).append('&');
        }
        return location.append("iss=").append(enc(issuer)).toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shown(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
