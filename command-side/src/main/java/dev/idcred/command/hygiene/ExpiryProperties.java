package dev.idcred.command.hygiene;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often the service looks for credentials its time-based rules apply to: vendor accounts whose tenant access
 * ended, credentials to warn of their expiry or note as expired, credentials unused too long
 * ({@code credentials.expiry.check-interval}).
 */
@ConfigurationProperties("credentials.expiry")
public record ExpiryProperties(@DefaultValue("2s") Duration checkInterval) {
}
