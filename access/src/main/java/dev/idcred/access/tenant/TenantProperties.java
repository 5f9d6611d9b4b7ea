package dev.idcred.access.tenant;

import dev.idcred.shared.hygiene.TenantPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The tenant this service serves: its name, as auth users show it ({@code TENANT}), and its credential hygiene policy:
 * the longest a personal access token may live ({@code MAX_PAT_LIFETIME}, ISO-8601 such as {@code P90D}; none by
 * default), how long before expiry a credential is warned ({@code P7D}), and after how long unused a credential is
 * stopped ({@code INACTIVITY_LIMIT}; off by default), warned {@code P7D} before.
 */
@ConfigurationProperties("credentials.tenant")
public record TenantProperties(@DefaultValue("default") String name, Duration maxPatLifetime,
                               @DefaultValue("P7D") Duration expiryWarning, Duration inactivityLimit,
                               @DefaultValue("P7D") Duration inactivityWarning) {

    public TenantPolicy policy() {
        return new TenantPolicy(maxPatLifetime, expiryWarning, inactivityLimit, inactivityWarning);
    }
}
