package dev.idcred.query.identity;

import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.identity.FindIdentity;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.ListIdentities;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given an identity's events, its document holds its kind, rules and the levels granted and not revoked. */
class IdentityProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ReadModels readModels = ReadModels.buffered(null, 1);
    private final IdentityProjection projection = new IdentityProjection(readModels);

    @Test
    void levelsGrantedAndRevokedAreHeldSortedAndTheNameServesOtherViews() {
        projection.on(new IdentityCreated("i1", "Ada", IdentityKind.USER, null, NetworkRules.none(), T0, null), 0);
        projection.on(new UserLevelGranted("i1", "ORG_ADMIN", T0.plusSeconds(1)), 1);
        projection.on(new UserLevelGranted("i1", "AUDITOR", T0.plusSeconds(2)), 2);
        projection.on(new UserLevelRevoked("i1", "ORG_ADMIN", T0.plusSeconds(3)), 3);

        Document identity = projection.find(new FindIdentity("i1")).orElseThrow();
        assertThat(identity.getList("levels", String.class)).containsExactly("AUDITOR");
        assertThat(new IdentityNames(readModels).namesOf(List.of("i1", "nobody"))).containsExactly(
                java.util.Map.entry("i1", "Ada"));
    }

    @Test
    void anUpdateChangesNameExpiryAndNetworkRules() {
        Instant expiry = T0.plusSeconds(86_400);
        projection.on(new IdentityCreated("s1", "Support", IdentityKind.SUPPORT, expiry, NetworkRules.none(), T0, null), 0);
        projection.on(new IdentityUpdated("s1", "Support desk", expiry.plusSeconds(60),
                new NetworkRules(List.of("10.0.0.0/8"), List.of("FR")), T0.plusSeconds(5), null), 1);

        IdentityView view = projection.list(new ListIdentities(new PageRequest(250, 0, true))).items().get(0);
        assertThat(view.name()).isEqualTo("Support desk");
        assertThat(view.kind()).isEqualTo("SUPPORT");
        assertThat(view.tenantAccessExpiresAt()).isEqualTo(expiry.plusSeconds(60));
        assertThat(view.networkRules().allowedCidrs()).containsExactly("10.0.0.0/8");
        assertThat(view.networkRules().allowedCountries()).containsExactly("FR");
        assertThat(view.modified()).isEqualTo(T0.plusSeconds(5));
    }
}
