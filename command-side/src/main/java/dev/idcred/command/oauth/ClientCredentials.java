package dev.idcred.command.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The client id and secret of an OAuth 2.0 request: from HTTP Basic or from the parameters, never both (RFC 6749
 * §2.3: a client uses one authentication method per request).
 */
record ClientCredentials(String id, String secret) {

    @Override
    public String toString() {
        return "ClientCredentials[id=" + id + "]";
    }

    static ClientCredentials of(Map<String, String> parameters, String authorization) {
        boolean inParameters = parameters.containsKey("client_secret");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new ClientCredentials(parameters.get("client_id"), parameters.get("client_secret"));
        }
        if (inParameters) {
            throw new TokenRequestRefused(400, "invalid_request",
                    "Authenticate the client with HTTP Basic or with client_secret, not both");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw TokenRequestRefused.invalidClient();
            }
            // RFC 6749 §2.3.1: both are form-encoded before they are joined, as standard clients send them.
            return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw TokenRequestRefused.invalidClient();
        }
    }
}
