package dev.idcred.access.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant this service serves: its name, as auth users show it ({@code TENANT}).
 */
@ConfigurationProperties("credentials.tenant")
public record TenantProperties(@DefaultValue("default") String name) {
}
