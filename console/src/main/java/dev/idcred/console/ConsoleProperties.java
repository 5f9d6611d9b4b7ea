package dev.idcred.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the console finds the service's public API ({@code CONSOLE_API_URL}; blank: the server it runs in, over
 * loopback), and how long one API call may take.
 */
@ConfigurationProperties("console")
public record ConsoleProperties(@DefaultValue("") String apiUrl, @DefaultValue("10s") Duration timeout) {
}
