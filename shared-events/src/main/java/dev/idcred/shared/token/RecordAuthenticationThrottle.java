package dev.idcred.shared.token;

/** Record that failed client authentications tripped a throttle: one {@link ClientAuthenticationThrottled}. */
public record RecordAuthenticationThrottle(ClientAuthenticationThrottled throttle) {
}
