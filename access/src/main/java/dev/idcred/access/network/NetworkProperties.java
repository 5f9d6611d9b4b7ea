package dev.idcred.access.network;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Whom to believe about a call's origin: the proxies (CIDR ranges, {@code TRUSTED_PROXIES}) whose
 * {@code X-Forwarded-For} entries and country header count, the header that names the client's ISO 3166 country
 * ({@code COUNTRY_HEADER}), and the key the admin console proves itself with when it passes on the address of the
 * person it calls for ({@code CONSOLE_FORWARDING_KEY}; the one-process service makes one at each start).
 */
@ConfigurationProperties("credentials.network")
public record NetworkProperties(@DefaultValue List<String> trustedProxies,
                                @DefaultValue("X-Country-Code") String countryHeader,
                                @DefaultValue("") String consoleForwardingKey) {

    public NetworkProperties {
        trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
