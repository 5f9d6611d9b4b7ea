package dev.idcred.command.hygiene;

import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.directory.RefreshFamilies;
import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.token.RevokeRefreshTokenFamily;
import dev.idcred.shared.usage.CredentialKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Secrets a scanner found where they should not be. The format (prefix and checksum) rejects junk before any lookup;
 * a client secret is found by its keyed hash, a refresh token by its family. A live credential's valid secret stops
 * it at once (a personal access token is deleted, an API client disabled: with it every access token and refresh
 * family it had), a refresh token revokes its family; the report is in the log ({@code CredentialLeaked}, with the
 * reporter and the source). The answer names the credential of a secret it found, and nothing of one it did not.
 */
@Component
class LeakReports {

    /** What became of one reported secret. */
    enum Outcome {
        /** It was valid: the credential (or refresh family) is stopped now. */
        REVOKED,
        /** It was ours but no longer worked (rotated away, reported before, its family revoked). */
        ALREADY_INVALID,
        /** Well formed, but no live credential has it. */
        NOT_FOUND,
        /** Not a secret this service issues (prefix or checksum): not looked up. */
        REJECTED
    }

    record Result(Outcome status, String credentialId, CredentialKind kind) {
        static Result of(Outcome status) {
            return new Result(status, null, null);
        }
    }

    private final AuthorizationTable access;
    private final RefreshFamilies families;
    private final SecretHasher hasher;
    private final Commands commands;
    private final MeterRegistry meters;

    LeakReports(AuthorizationTable access, RefreshFamilies families, SecretHasher hasher, Commands commands,
                MeterRegistry meters) {
        this.access = access;
        this.families = families;
        this.hasher = hasher;
        this.commands = commands;
        this.meters = meters;
    }

    Result report(String secret, String sourceUrl, Caller reporter) {
        Result result = secret != null && secret.startsWith(SecretFormat.REFRESH_PREFIX)
                ? refreshToken(secret, sourceUrl, reporter) : clientSecret(secret, sourceUrl, reporter);
        meters.counter("credentials.leaks.reported", "outcome", result.status().name()).increment();
        return result;
    }

    private Result clientSecret(String secret, String sourceUrl, Caller reporter) {
        if (!SecretFormat.isWellFormed(secret)) {
            return Result.of(Outcome.REJECTED);
        }
        String hash = hasher.hash(secret);
        Optional<CredentialAccess> owner = access.bySecretHash(hash);
        if (owner.isEmpty()) {
            return Result.of(Outcome.NOT_FOUND);
        }
        String id = owner.get().credential().credentialId();
        CredentialKind kind = owner.get().credential().kind();
        try {
            boolean revoked = commands.send(new ReportLeak(id, kind, hash, reporter.identityId(), sourceUrl),
                    reporter);
            return new Result(revoked ? Outcome.REVOKED : Outcome.ALREADY_INVALID, id, kind);
        } catch (AggregateNotFoundException deletedMeanwhile) {
            return new Result(Outcome.ALREADY_INVALID, id, kind);
        }
    }

    private Result refreshToken(String token, String sourceUrl, Caller reporter) {
        Optional<String> familyId = SecretFormat.refreshTokenFamily(token);
        if (familyId.isEmpty()) {
            return Result.of(Outcome.REJECTED);
        }
        Optional<RefreshFamilies.Family> family = familyId.flatMap(families::find);
        if (family.isEmpty()) {
            return Result.of(Outcome.NOT_FOUND);
        }
        boolean revoked = commands.send(new RevokeRefreshTokenFamily(family.get().familyId(), hasher.hash(token),
                "Refresh token leaked" + (sourceUrl == null ? "" : " at " + sourceUrl) + ", reported by "
                        + reporter.identityId()), reporter);
        if (revoked) {
            return new Result(Outcome.REVOKED, family.get().clientId(), CredentialKind.API_CLIENT);
        }
        // Not revoked by this report: named only if it is provably the family's token, never for a guess at one.
        return hasher.matches(token, family.get().secretHash())
                ? new Result(Outcome.ALREADY_INVALID, family.get().clientId(), CredentialKind.API_CLIENT)
                : Result.of(Outcome.NOT_FOUND);
    }
}
