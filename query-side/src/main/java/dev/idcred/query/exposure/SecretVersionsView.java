package dev.idcred.query.exposure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.SecretVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A credential's secret versions, newest first: when each was made, until when it works ({@code expiresAt}, null while
 * it is the current one), when it last obtained a token, and when it was reported leaked. No hash, ever. Its
 * {@code ownerId} is for the credential policy, not the body.
 */
public record SecretVersionsView(String id, Instant expiresAt, List<Version> secrets, @JsonIgnore String ownerId) {

    public record Version(int version, boolean current, Instant created, Instant expiresAt, Instant lastUsed,
                          Instant leakedAt) {
    }

    public static SecretVersionsView of(CredentialFacts facts) {
        int current = facts.currentSecretVersion();
        var versions = new ArrayList<Version>();
        for (SecretVersion v : facts.secrets()) {
            versions.add(0, new Version(v.version(), v.version() == current && v.leakedAt() == null, v.createdAt(),
                    v.validUntil(), v.lastUsedAt(), v.leakedAt()));
        }
        return new SecretVersionsView(facts.credentialId(), facts.expiresAt(), List.copyOf(versions), facts.ownerId());
    }
}
