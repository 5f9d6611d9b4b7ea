package dev.idcred.shared.apiclient;

import dev.idcred.shared.common.GrantType;

import java.util.List;

/** The caller-controlled, patchable part of an API client, exactly as the v3 API names it. */
public record ApiClientSettings(String name, String description, String businessName, String homepageUrl,
                                Integer accessTokenValiditySeconds, Integer refreshTokenValiditySeconds,
                                List<String> redirectUris, List<GrantType> grantTypes, String accessType,
                                String type, Boolean internal, Boolean enabled, Boolean strongAuthSupported,
                                Boolean claimsSupported, List<String> scope) {
}
