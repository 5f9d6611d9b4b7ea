package dev.idcred.command.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.idcred.access.gate.TokenClaims;

/**
 * An RFC 7662 introspection response. An inactive token says nothing but {@code active: false}; an active one its
 * rights now (which may be fewer than it was issued with), its client, owner and lifetime.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Introspection(boolean active, String scope, @JsonProperty("client_id") String clientId, String sub,
                     @JsonProperty("token_type") String tokenType, Long exp, Long iat, String iss, String jti,
                     @JsonProperty(TokenClaims.IDENTITY_ID) String identityId,
                     @JsonProperty(TokenClaims.CREDENTIAL_KIND) String credentialKind) {

    static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, null, null, null,
            null, null);
}
