package dev.idcred.command.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator's API client ({@code BOOTSTRAP_CLIENT_ID}, {@code BOOTSTRAP_CLIENT_SECRET}): both or
 * neither; a chosen secret has at least {@value #MIN_SECRET_LENGTH} characters.
 */
@ConfigurationProperties("credentials.bootstrap")
record BootstrapProperties(String clientId, String clientSecret) {

    static final int MIN_SECRET_LENGTH = 24;

    BootstrapProperties {
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret;
        if (clientId.isEmpty() != clientSecret.isEmpty()) {
            throw new IllegalArgumentException("Set both BOOTSTRAP_CLIENT_ID and BOOTSTRAP_CLIENT_SECRET, or neither");
        }
        if (!clientSecret.isEmpty() && clientSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("BOOTSTRAP_CLIENT_SECRET must have at least " + MIN_SECRET_LENGTH
                    + " characters (head -c 32 /dev/urandom | base64 makes one)");
        }
    }

    boolean configured() {
        return !clientId.isEmpty();
    }

    @Override
    public String toString() {
        return "BootstrapProperties[clientId=" + clientId + "]";
    }
}
