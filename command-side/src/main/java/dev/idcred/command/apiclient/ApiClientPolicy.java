package dev.idcred.command.apiclient;

import dev.idcred.command.ScopeRules;
import dev.idcred.command.TextRules;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.RedirectUris;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.Limits;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An API client's settings rules: the defaults the seed and the v3 API give, and what makes settings valid.
 * Applied on create and after every patch, so a client can never be left in a state creation would refuse.
 */
final class ApiClientPolicy {

    static final int DEFAULT_ACCESS_TOKEN_VALIDITY_SECONDS = 750;
    /** The seed: "accept the default value of 1 month". */
    static final int DEFAULT_REFRESH_TOKEN_VALIDITY_SECONDS = 30 * 86_400;
    static final int MAX_REFRESH_TOKEN_VALIDITY_SECONDS = 365 * 86_400;
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 2_000;
    private static final Set<String> ACCESS_TYPES = Set.of("ONLINE", "OFFLINE");
    private static final Set<String> CLIENT_TYPES = Set.of("CONFIDENTIAL", "PUBLIC");

    private ApiClientPolicy() {
    }

    static ApiClientSettings forApplianceKey(String applianceName) {
        return new ApiClientSettings("VA key: " + applianceName, "Key of virtual appliance " + applianceName,
                null, null, null, null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null, true, true, null,
                null, List.of(Scopes.DEFAULT));
    }

    /** The same settings, switched off. */
    static ApiClientSettings disabled(ApiClientSettings s) {
        return new ApiClientSettings(s.name(), s.description(), s.businessName(), s.homepageUrl(),
                s.accessTokenValiditySeconds(), s.refreshTokenValiditySeconds(), s.redirectUris(), s.grantTypes(),
                s.accessType(), s.type(), s.internal(), false, s.strongAuthSupported(), s.claimsSupported(),
                s.scope());
    }

    /**
     * True if {@code after} widens or changes what the client can reach: its scope, its grants, where its codes and
     * tokens may be sent, or whether it needs a secret. Such a patch is a re-scoping.
     */
    static boolean changesReach(ApiClientSettings before, ApiClientSettings after) {
        return !Objects.equals(before.scope(), after.scope())
                || !Objects.equals(before.grantTypes(), after.grantTypes())
                || !Objects.equals(before.redirectUris(), after.redirectUris())
                || !Objects.equals(before.type(), after.type());
    }

    static ApiClientSettings complete(ApiClientSettings given, RightsCatalogue catalogue) {
        List<GrantType> grantTypes = grantTypes(given.grantTypes());
        String type = oneOf("type", given.type(), CLIENT_TYPES, "CONFIDENTIAL");
        if ("PUBLIC".equals(type) && (!grantTypes.contains(GrantType.AUTHORIZATION_CODE)
                || grantTypes.contains(GrantType.CLIENT_CREDENTIALS))) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "A PUBLIC client has no secret: it uses the"
                    + " AUTHORIZATION_CODE grant (with PKCE) and perhaps REFRESH_TOKEN, never CLIENT_CREDENTIALS");
        }
        return new ApiClientSettings(
                name(given.name()),
                text("description", given.description()),
                text("businessName", given.businessName()),
                homepageUrl(given.homepageUrl()),
                within("accessTokenValiditySeconds", given.accessTokenValiditySeconds(),
                        DEFAULT_ACCESS_TOKEN_VALIDITY_SECONDS, Limits.MAX_ACCESS_TOKEN_VALIDITY_SECONDS),
                within("refreshTokenValiditySeconds", given.refreshTokenValiditySeconds(),
                        DEFAULT_REFRESH_TOKEN_VALIDITY_SECONDS, MAX_REFRESH_TOKEN_VALIDITY_SECONDS),
                redirectUris(given.redirectUris(), grantTypes),
                grantTypes,
                oneOf("accessType", given.accessType(), ACCESS_TYPES, "OFFLINE"),
                type,
                Objects.requireNonNullElse(given.internal(), false),
                Objects.requireNonNullElse(given.enabled(), true),
                Objects.requireNonNullElse(given.strongAuthSupported(), false),
                Objects.requireNonNullElse(given.claimsSupported(), false),
                ScopeRules.validScope(given.scope(), catalogue));
    }

    private static String name(String name) {
        return TextRules.validName("name", name, MAX_NAME_LENGTH);
    }

    private static String text(String field, String value) {
        return TextRules.validText(field, value, MAX_TEXT_LENGTH);
    }

    private static int within(String field, Integer value, int defaultValue, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1 || value > max) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " must be between 1 and " + max);
        }
        return value;
    }

    private static List<GrantType> grantTypes(List<GrantType> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(GrantType.CLIENT_CREDENTIALS);
        }
        if (requested.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "grantTypes cannot contain null");
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /**
     * The seed: with the authorization code grant, a valid redirect URL is required. Each is an absolute https URL,
     * or (RFC 8252, for native and command-line apps) an http URL on a loopback address, {@code 127.0.0.1},
     * {@code [::1]} or {@code localhost}, whose port is the app's choice at each sign-in; never with a fragment
     * (RFC 6749 §3.1.2).
     */
    private static List<String> redirectUris(List<String> uris, List<GrantType> grantTypes) {
        List<String> given = uris == null ? List.of() : uris;
        if (given.size() > Limits.MAX_REDIRECT_URIS) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "At most " + Limits.MAX_REDIRECT_URIS
                    + " redirect URIs");
        }
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE) && given.isEmpty()) {
            throw new DomainException(ErrorCode.REDIRECT_URI_REQUIRED,
                    "The AUTHORIZATION_CODE grant type needs at least one redirect URI");
        }
        given.forEach(uri -> {
            if (!(isAbsoluteHttpsUrl(uri) || RedirectUris.isLoopback(uri)) || uri.contains("#")) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "A redirect URI is an absolute https URL, or an"
                        + " http URL on 127.0.0.1, [::1] or localhost, with no fragment: " + uri);
            }
        });
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private static String homepageUrl(String url) {
        if (url != null && !url.isBlank() && !isAbsoluteHttpUrl(url)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "homepageUrl is not an absolute http(s) URL");
        }
        return url;
    }

    private static String oneOf(String field, String value, Set<String> allowed, String defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " must be one of " + allowed);
        }
        return value;
    }

    private static boolean isAbsoluteHttpsUrl(String uri) {
        return isAbsoluteHttpUrl(uri) && uri.regionMatches(true, 0, "https:", 0, 6);
    }

    private static boolean isAbsoluteHttpUrl(String uri) {
        if (uri == null || uri.length() > Limits.MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() && parsed.getHost() != null
                    && ("https".equalsIgnoreCase(parsed.getScheme()) || "http".equalsIgnoreCase(parsed.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
