package dev.idcred.shared.credential;

import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.usage.ClientSeen;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.Usage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.idcred.shared.credential.Facts.CLIENT;
import static dev.idcred.shared.credential.Facts.OWNER;
import static dev.idcred.shared.credential.Facts.T0;
import static dev.idcred.shared.credential.Facts.clientCreated;
import static dev.idcred.shared.credential.Facts.fold;
import static dev.idcred.shared.credential.Facts.foldOwner;
import static dev.idcred.shared.credential.Facts.ownerCreated;
import static org.assertj.core.api.Assertions.assertThat;

/** Rotation, leaks, usage tallies, expiry and hygiene notices, each taught once to the fold. */
class SecretsAndHygieneFoldTest {

    private static final CredentialEvent CREATED = clientCreated(List.of(), GrantType.CLIENT_CREDENTIALS);

    private static SecretRotated rotated(int version, String hash, Instant at, long graceSeconds, Instant expiresAt) {
        return new SecretRotated(CLIENT, CredentialKind.API_CLIENT, OWNER, version, hash, at.plusSeconds(graceSeconds),
                expiresAt, at);
    }

    @Test
    void afterARotationBothSecretsWorkUntilTheGraceEndsThenOnlyTheNewOne() {
        Instant rotatedAt = T0.plusSeconds(100);
        CredentialFacts facts = fold(CREATED, rotated(2, "hmac:2", rotatedAt, 60, null));

        assertThat(facts.validSecret("hmac:1"::equals, rotatedAt.plusSeconds(59))).map(SecretVersion::version)
                .contains(1);
        assertThat(facts.validSecret("hmac:2"::equals, rotatedAt.plusSeconds(59))).map(SecretVersion::version)
                .contains(2);
        assertThat(facts.validSecret("hmac:1"::equals, rotatedAt.plusSeconds(60))).isEmpty();
        assertThat(facts.validSecret("hmac:2"::equals, rotatedAt.plusSeconds(86_400))).isPresent();
        assertThat(facts.currentSecretVersion()).isEqualTo(2);
    }

    @Test
    void aSecondRotationNeverLengthensAnEarlierGrace() {
        Instant first = T0.plusSeconds(100);
        CredentialFacts facts = fold(CREATED, rotated(2, "hmac:2", first, 60, null),
                rotated(3, "hmac:3", first.plusSeconds(10), 3_600, null));

        assertThat(facts.validSecret("hmac:1"::equals, first.plusSeconds(61))).isEmpty();
        assertThat(facts.validSecret("hmac:2"::equals, first.plusSeconds(3_000))).isPresent();
        assertThat(facts.validSecret("hmac:2"::equals, first.plusSeconds(10 + 3_600))).isEmpty();
    }

    @Test
    void aRotationWithoutGraceEndsTheOldSecretAtOnceAndSetsTheNewExpiry() {
        Instant expiry = T0.plusSeconds(30 * 86_400);
        CredentialFacts facts = fold(CREATED, rotated(2, "hmac:2", T0.plusSeconds(5), 0, expiry));

        assertThat(facts.validSecret("hmac:1"::equals, T0.plusSeconds(5))).isEmpty();
        assertThat(facts.anySecret("hmac:1"::equals)).isPresent();
        assertThat(facts.expiresAt()).isEqualTo(expiry);
    }

    @Test
    void aLeakedVersionEndsAtTheReportAndIsMarked() {
        Instant reported = T0.plusSeconds(50);
        CredentialFacts facts = fold(CREATED, new CredentialLeaked(CLIENT, CredentialKind.API_CLIENT, OWNER, 1,
                "scanner", "https://example.com/paste", reported));

        assertThat(facts.validSecret("hmac:1"::equals, reported.minusMillis(1))).isPresent();
        assertThat(facts.validSecret("hmac:1"::equals, reported)).isEmpty();
        assertThat(facts.secrets().get(0).leakedAt()).isEqualTo(reported);
    }

    @Test
    void usageSetsLastUseThePerVersionLastUseAndKeepsTheLastFiveAddressesNewestFirst() {
        CredentialFacts facts = fold(CREATED);
        for (int i = 1; i <= 7; i++) {
            Instant at = T0.plusSeconds(60L * i);
            facts = CredentialFacts.fold(facts, new ApiClientUsed(CLIENT, at,
                    new Usage(2, List.of(1), List.of(new ClientSeen("10.0.0." + i, "FR", at)))));
        }
        facts = CredentialFacts.fold(facts, new ApiClientUsed(CLIENT, T0.plusSeconds(600),
                new Usage(1, List.of(1), List.of(new ClientSeen("10.0.0.3", "DE", T0.plusSeconds(600))))));

        assertThat(facts.lastUsedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(facts.lastActiveAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(facts.secrets().get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(facts.recentClients()).extracting(ClientSeen::address)
                .containsExactly("10.0.0.3", "10.0.0.7", "10.0.0.6", "10.0.0.5", "10.0.0.4");
        assertThat(facts.recentClients().get(0).country()).isEqualTo("DE");
    }

    @Test
    void aCredentialIsExpiredFromItsExpiryOnWhateverItsOwner() {
        Instant expiry = T0.plusSeconds(3_600);
        CredentialFacts facts = fold(new dev.idcred.shared.credential.ApiClientCreated(CLIENT, OWNER, "API",
                Facts.settings(List.of(), true, GrantType.CLIENT_CREDENTIALS), "hmac:1", T0, expiry));
        var access = new CredentialAccess(facts, foldOwner(ownerCreated()));

        assertThat(access.stateAt(expiry.minusMillis(1))).isEqualTo(CredentialAccess.State.ACTIVE);
        assertThat(access.stateAt(expiry)).isEqualTo(CredentialAccess.State.EXPIRED);
    }

    @Test
    void noticesRememberWhichExpiryAndWhichStretchOfDisuseTheyWereFor() {
        Instant expiry = T0.plusSeconds(86_400);
        CredentialFacts facts = fold(CREATED,
                new CredentialExpiringSoon(CLIENT, CredentialKind.API_CLIENT, OWNER, expiry, T0.plusSeconds(1)),
                new CredentialExpired(CLIENT, CredentialKind.API_CLIENT, OWNER, expiry, expiry.plusSeconds(1)),
                new CredentialUnusedWarning(CLIENT, CredentialKind.API_CLIENT, OWNER, T0, T0.plusSeconds(7_200),
                        T0.plusSeconds(2)));

        assertThat(facts.notices()).isEqualTo(new CredentialFacts.Notices(expiry, expiry, T0));
    }

    @Test
    void viewsKeepTheVersionsWithoutTheirHashes() {
        CredentialFacts facts = fold(CREATED, rotated(2, "hmac:2", T0.plusSeconds(5), 60, null));

        assertThat(facts.withoutSecretHashes().secrets()).extracting(SecretVersion::hash).containsOnlyNulls();
        assertThat(facts.withoutSecretHashes().secrets()).extracting(SecretVersion::version).containsExactly(1, 2);
    }
}
