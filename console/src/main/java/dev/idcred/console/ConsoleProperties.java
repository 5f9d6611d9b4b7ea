package dev.idcred.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the console finds the service's public API ({@code CONSOLE_API_URL}; blank: the server it runs in, over
 * loopback), how long one API call may take, and the key with which it proves to the service that the address it
 * passes on is the person's ({@code CONSOLE_FORWARDING_KEY}; blank: it passes the address on, which only a service
 * that trusts it as a proxy believes).
 */
@ConfigurationProperties("console")
public record ConsoleProperties(@DefaultValue("") String apiUrl, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("") String forwardingKey) {
}
