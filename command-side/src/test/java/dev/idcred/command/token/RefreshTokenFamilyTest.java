package dev.idcred.command.token;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.token.IssueRefreshToken;
import dev.idcred.shared.token.RefreshOutcome;
import dev.idcred.shared.token.RefreshTokenIssued;
import dev.idcred.shared.token.RefreshTokenRotated;
import dev.idcred.shared.token.RevokeRefreshTokenFamily;
import dev.idcred.shared.token.RotateRefreshToken;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.idcred.command.Fixtures.NOW;

class RefreshTokenFamilyTest {

    private static final String FAMILY = "family-1";
    private static final Instant LATER = NOW.plusSeconds(3_600);
    private static final String REASON_REUSE = "A rotated refresh token was presented again";

    private AggregateTestFixture<RefreshTokenFamily> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RefreshTokenFamily.class);
        fixture.registerInjectableResource(Fixtures.CLOCK);
    }

    private static RefreshTokenIssued issued(Instant expiresAt) {
        return new RefreshTokenIssued(FAMILY, "client", "owner", "h1", expiresAt, NOW, null, null);
    }

    private static RefreshTokenRotated rotated(String hash) {
        return new RefreshTokenRotated(FAMILY, "client", hash, LATER, NOW);
    }

    private static RefreshTokenFamilyRevoked revoked(String reason) {
        return new RefreshTokenFamilyRevoked(FAMILY, "client", "owner", reason, NOW.plusSeconds(86_400), NOW);
    }

    @Test
    void aFamilyBeginsWithItsFirstToken() {
        fixture.givenNoPriorActivity()
                .when(new IssueRefreshToken(FAMILY, "client", "owner", "h1", LATER))
                .expectEvents(issued(LATER));
    }

    @Test
    void theCurrentTokenIsReplacedOnUse() {
        fixture.given(issued(LATER))
                .when(new RotateRefreshToken(FAMILY, "h1", "h2", LATER))
                .expectEvents(rotated("h2"))
                .expectResultMessagePayload(RefreshOutcome.ROTATED);
    }

    @Test
    void aReplacedTokenPresentedAgainRevokesTheFamily() {
        fixture.given(issued(LATER), rotated("h2"))
                .when(new RotateRefreshToken(FAMILY, "h1", "h3", LATER))
                .expectEvents(revoked(REASON_REUSE))
                .expectResultMessagePayload(RefreshOutcome.REUSED);
    }

    @Test
    void aRevokedFamilyRotatesNothing() {
        fixture.given(issued(LATER), rotated("h2"), revoked(REASON_REUSE))
                .when(new RotateRefreshToken(FAMILY, "h2", "h3", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.REVOKED);
    }

    @Test
    void anExpiredTokenRotatesNothing() {
        fixture.given(issued(NOW))
                .when(new RotateRefreshToken(FAMILY, "h1", "h2", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.EXPIRED);
    }

    @Test
    void aTokenOfNoFamilyMemberRotatesNothing() {
        fixture.given(issued(LATER))
                .when(new RotateRefreshToken(FAMILY, "forged", "h2", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.UNKNOWN);
    }

    @Test
    void revocationNeedsATokenOfTheFamily() {
        fixture.given(issued(LATER))
                .when(new RevokeRefreshTokenFamily(FAMILY, "forged", "by client"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(issued(LATER), rotated("h2"))
                .when(new RevokeRefreshTokenFamily(FAMILY, "h1", "by client"))
                .expectEvents(revoked("by client"))
                .expectResultMessagePayload(true);
    }
}
