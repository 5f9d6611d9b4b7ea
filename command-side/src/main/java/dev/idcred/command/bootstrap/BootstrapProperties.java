package dev.idcred.command.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator's API client ({@code BOOTSTRAP_CLIENT_ID}, {@code BOOTSTRAP_CLIENT_SECRET}): both or
 * neither; a chosen secret has at least {@value #MIN_SECRET_LENGTH} characters. The administrator's password
 * ({@code BOOTSTRAP_ADMIN_PASSWORD}; unset, an invitation is written to the data directory instead) and where the
 * console's sign-ins come back to ({@code CONSOLE_REDIRECT_URI}, default {@code <issuer>/console/callback}).
 */
@ConfigurationProperties("credentials.bootstrap")
record BootstrapProperties(String clientId, String clientSecret, String adminPassword, String consoleRedirectUri) {

    static final int MIN_SECRET_LENGTH = 24;

    BootstrapProperties {
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret;
        adminPassword = adminPassword == null ? "" : adminPassword;
        consoleRedirectUri = consoleRedirectUri == null ? "" : consoleRedirectUri.strip();
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
        return "BootstrapProperties[clientId=" + clientId + ", consoleRedirectUri=" + consoleRedirectUri + "]";
    }
}
