package dev.idcred.query.apiclient;

import dev.idcred.query.support.Documents;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/** The v3 API's OAuth client body, as the API Management listing shows it (Type column: {@code keyType}). */
public record ApiClientView(String id, String businessName, String homepageUrl, String name, String description,
                            int accessTokenValiditySeconds, int refreshTokenValiditySeconds,
                            List<String> redirectUris, List<String> grantTypes, String accessType, String type,
                            boolean internal, boolean enabled, boolean strongAuthSupported, boolean claimsSupported,
                            Instant created, Instant modified, Instant lastUsed, List<String> scope, String keyType,
                            Instant expiresAt, String ownerId) {

    static ApiClientView of(Document d) {
        return new ApiClientView(d.getString("_id"), d.getString("businessName"), d.getString("homepageUrl"),
                d.getString("name"), d.getString("description"), d.getInteger("accessTokenValiditySeconds"),
                d.getInteger("refreshTokenValiditySeconds"), Documents.strings(d, "redirectUris"),
                Documents.strings(d, "grantTypes"), d.getString("accessType"), d.getString("type"),
                d.getBoolean("internal"), d.getBoolean("enabled"), d.getBoolean("strongAuthSupported"),
                d.getBoolean("claimsSupported"), Documents.instant(d, "created"), Documents.instant(d, "modified"),
                Documents.instant(d, "lastUsed"), Documents.strings(d, "scope"), d.getString("keyType"),
                Documents.instant(d, "expiresAt"), d.getString("ownerId"));
    }
}
