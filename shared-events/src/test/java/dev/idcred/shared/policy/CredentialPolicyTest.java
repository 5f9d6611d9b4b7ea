package dev.idcred.shared.policy;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.OwnerFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String READ = "idn:a:read";
    private static final String WRITE = "idn:a:manage";
    private static final RightsCatalogue CATALOGUE = new RightsCatalogue(
            Set.of(READ, WRITE, Rights.MY_PATS_READ, Rights.MY_PATS_MANAGE, Rights.ALL_PATS_READ,
                    Rights.ALL_PATS_MANAGE),
            Set.of(Rights.MY_PATS_READ, Rights.MY_PATS_MANAGE),
            Map.of("ADMIN", Set.of(RightsCatalogue.EVERY_RIGHT), "READER", Set.of(READ), "WRITER", Set.of(WRITE),
                    "HELPDESK", Set.of(Rights.ALL_PATS_MANAGE)),
            List.of());
    private static final CredentialPolicy POLICY = new CredentialPolicy(CATALOGUE);

    private static OwnerFacts identity(String id, IdentityKind kind, Instant accessEnds, String... levels) {
        return new OwnerFacts(id, id, kind, Set.of(levels), accessEnds, NetworkRules.none(), NOW);
    }

    private static final OwnerFacts ADMIN = identity("admin", IdentityKind.USER, null, "ADMIN");
    private static final OwnerFacts READER = identity("reader", IdentityKind.USER, null, "READER");
    private static final OwnerFacts SUPPORT = identity("support", IdentityKind.SUPPORT, NOW.plusSeconds(3_600),
            "ADMIN");

    private static Actor acting(OwnerFacts who, String... rights) {
        return Actor.of(who.identityId(), "pat-of-" + who.identityId(), who.kind(), Set.of(rights),
                who.tenantAccessExpiresAt());
    }

    private static Actor withAllRightsOf(OwnerFacts who) {
        return acting(who, CATALOGUE.rightsOf(who.levels()).toArray(String[]::new));
    }

    private static void refused(Runnable decision, ErrorCode code) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aCredentialMayHoldNoMoreThanTheCallingTokenHoldsNow() {
        Actor narrow = acting(ADMIN, Rights.MY_PATS_MANAGE);
        refused(() -> POLICY.ensureMayHand(narrow, List.of(Scopes.ALL), ADMIN), ErrorCode.FORBIDDEN);
        refused(() -> POLICY.ensureMayHand(narrow, List.of(WRITE), ADMIN), ErrorCode.FORBIDDEN);
        assertThatCode(() -> POLICY.ensureMayHand(narrow, List.of(Rights.MY_PATS_MANAGE), ADMIN))
                .doesNotThrowAnyException();
        assertThatCode(() -> POLICY.ensureMayHand(withAllRightsOf(ADMIN), List.of(Scopes.ALL), ADMIN))
                .doesNotThrowAnyException();
    }

    @Test
    void aScopeBeyondTheOwnersLevelsHandsNothingAndIsAllowed() {
        Actor reader = acting(READER, Rights.MY_PATS_MANAGE);
        assertThatCode(() -> POLICY.ensureMayHand(reader, List.of(WRITE), READER)).doesNotThrowAnyException();
    }

    @Test
    void anotherOwnersCredentialIsTakenOverOnlyWithAtLeastItsOwnersRights() {
        refused(() -> POLICY.ensureMayTakeOver(withAllRightsOf(READER), ADMIN), ErrorCode.FORBIDDEN);
        assertThatCode(() -> POLICY.ensureMayTakeOver(withAllRightsOf(ADMIN), READER)).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.ensureMayTakeOver(acting(READER), READER)).doesNotThrowAnyException();
    }

    @Test
    void vendorAccountsNeverTakeOverOrCreateCredentialsOfOthers() {
        Actor support = withAllRightsOf(SUPPORT);
        refused(() -> POLICY.ensureMayTakeOver(support, READER), ErrorCode.FORBIDDEN);
        refused(() -> POLICY.ensureMayCreateFor(support, ADMIN), ErrorCode.FORBIDDEN);
        assertThat(POLICY.mayManageTokensOf(support, READER.identityId())).isFalse();
        assertThat(POLICY.mayManageTokensOf(support, SUPPORT.identityId())).isTrue();
    }

    @Test
    void tokensOfOthersNeedTheRightsForEveryIdentitysTokens() {
        Actor reader = acting(READER, Rights.MY_PATS_READ, Rights.MY_PATS_MANAGE);
        assertThat(POLICY.mayReadTokensOf(reader, READER.identityId())).isTrue();
        assertThat(POLICY.mayReadTokensOf(reader, ADMIN.identityId())).isFalse();
        refused(() -> POLICY.ensureMayManageToken(reader, ADMIN.identityId(), "t"), ErrorCode.NOT_FOUND);
        refused(() -> POLICY.ensureMayCreateFor(reader, ADMIN), ErrorCode.FORBIDDEN);
        Actor helpdesk = acting(READER, Rights.ALL_PATS_MANAGE);
        assertThat(POLICY.mayManageTokensOf(helpdesk, ADMIN.identityId())).isTrue();
    }

    @Test
    void everyIdentitysTokensNeedTheRightToReadThemAll() {
        assertThat(POLICY.mayReadTokensOf(acting(READER, Rights.MY_PATS_READ), null)).isFalse();
        assertThat(POLICY.mayReadTokensOf(acting(READER, Rights.ALL_PATS_READ), null)).isTrue();
        assertThat(POLICY.mayReadTokensOf(Actor.SYSTEM, null)).isTrue();
    }

    @Test
    void anExposureIsReviewedByWhoeverMayReadTheTokenOrTheAuditTrail() {
        Actor owner = acting(READER, Rights.MY_PATS_READ);
        assertThat(POLICY.mayReviewExposureOf(owner, READER.identityId())).isTrue();
        assertThat(POLICY.mayReviewExposureOf(owner, ADMIN.identityId())).isFalse();
        assertThat(POLICY.exposureLimitedTo(owner)).isEqualTo(READER.identityId());

        Actor auditor = acting(READER, Rights.AUDIT_READ);
        assertThat(POLICY.mayReviewExposureOf(auditor, ADMIN.identityId())).isTrue();
        assertThat(POLICY.exposureLimitedTo(auditor)).isNull();
        assertThat(POLICY.exposureLimitedTo(acting(READER, Rights.ALL_PATS_READ))).isNull();
    }

    @Test
    void noOneGrantsALevelToThemselves() {
        refused(() -> POLICY.ensureMayChangeLevel(withAllRightsOf(ADMIN), ADMIN, "READER", true), ErrorCode.FORBIDDEN);
        assertThatCode(() -> POLICY.ensureMayChangeLevel(withAllRightsOf(ADMIN), ADMIN, "READER", false))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyLevelsWithinTheCallersRightsAreGrantedOrRevoked() {
        Actor reader = withAllRightsOf(READER);
        assertThatCode(() -> POLICY.ensureMayChangeLevel(reader, ADMIN, "READER", true)).doesNotThrowAnyException();
        refused(() -> POLICY.ensureMayChangeLevel(reader, identity("x", IdentityKind.USER, null), "ADMIN", true), ErrorCode.FORBIDDEN);
        refused(() -> POLICY.ensureMayChangeLevel(reader, ADMIN, "ADMIN", false), ErrorCode.FORBIDDEN);
    }

    @Test
    void vendorAccountsChangeNeitherTheirOwnLevelsNorTheirOwnIdentity() {
        Actor support = withAllRightsOf(SUPPORT);
        refused(() -> POLICY.ensureMayChangeLevel(support, SUPPORT, "READER", false), ErrorCode.FORBIDDEN);
        refused(() -> POLICY.ensureMayChangeIdentity(support, SUPPORT, SUPPORT.tenantAccessExpiresAt()),
                ErrorCode.FORBIDDEN);
    }

    @Test
    void whatAVendorAccountCreatesOrGrantsEndsWithItsAccess() {
        Actor support = withAllRightsOf(SUPPORT);
        Instant end = SUPPORT.tenantAccessExpiresAt();
        OwnerFacts longer = identity("services", IdentityKind.SERVICES, end.plusSeconds(1));
        OwnerFacts shorter = identity("services", IdentityKind.SERVICES, end.minusSeconds(1));
        refused(() -> POLICY.ensureMayChangeLevel(support, READER, "READER", true), ErrorCode.FORBIDDEN);
        refused(() -> POLICY.ensureMayChangeLevel(support, longer, "READER", true), ErrorCode.FORBIDDEN);
        assertThatCode(() -> POLICY.ensureMayChangeLevel(support, shorter, "READER", true))
                .doesNotThrowAnyException();
        refused(() -> POLICY.ensureMayCreateIdentity(support, IdentityKind.USER, null), ErrorCode.FORBIDDEN);
        refused(() -> POLICY.ensureMayCreateIdentity(support, IdentityKind.SERVICES, end.plusSeconds(1)),
                ErrorCode.FORBIDDEN);
        assertThatCode(() -> POLICY.ensureMayCreateIdentity(support, IdentityKind.SERVICES, end))
                .doesNotThrowAnyException();
        refused(() -> POLICY.ensureMayChangeIdentity(support, shorter, end.plusSeconds(60)), ErrorCode.FORBIDDEN);
        assertThatCode(() -> POLICY.ensureMayChangeIdentity(support, longer, longer.tenantAccessExpiresAt()))
                .doesNotThrowAnyException();
    }

    @Test
    void theServiceItselfMayApplyTheTenantsRules() {
        assertThatCode(() -> {
            POLICY.ensureMayManageToken(Actor.SYSTEM, READER.identityId(), "t");
            POLICY.ensureMayHand(Actor.SYSTEM, List.of(Scopes.ALL), ADMIN);
            POLICY.ensureMayTakeOver(Actor.SYSTEM, ADMIN);
            POLICY.ensureMayChangeLevel(Actor.SYSTEM, ADMIN, "ADMIN", true);
        }).doesNotThrowAnyException();
    }

    @Test
    void anUnknownActorHoldsNothing() {
        Actor unknown = Actor.unknown("someone");
        refused(() -> POLICY.ensureMayManageToken(unknown, "someone-else", "t"), ErrorCode.NOT_FOUND);
        refused(() -> POLICY.ensureMayHand(unknown, List.of(Scopes.ALL), READER), ErrorCode.FORBIDDEN);
    }
}
