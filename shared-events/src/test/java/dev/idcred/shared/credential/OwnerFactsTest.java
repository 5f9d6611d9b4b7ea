package dev.idcred.shared.credential;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.shared.credential.Facts.OWNER;
import static dev.idcred.shared.credential.Facts.T0;
import static dev.idcred.shared.credential.Facts.foldOwner;
import static dev.idcred.shared.credential.Facts.ownerCreated;
import static org.assertj.core.api.Assertions.assertThat;

class OwnerFactsTest {

    @Test
    void levelsFollowGrantsAndRevocations() {
        OwnerFacts owner = foldOwner(ownerCreated(), new UserLevelGranted(OWNER, "ADMIN", T0),
                new UserLevelGranted(OWNER, "READER", T0.plusSeconds(1)),
                new UserLevelRevoked(OWNER, "ADMIN", T0.plusSeconds(2)));
        assertThat(owner.levels()).containsExactly("READER");
    }

    @Test
    void anUpdateReplacesNameExpiryAndNetworkRulesAndKeepsTheLevels() {
        var rules = new NetworkRules(List.of("10.0.0.0/8"), List.of("CH"));
        OwnerFacts owner = foldOwner(ownerCreated(), new UserLevelGranted(OWNER, "READER", T0),
                new IdentityUpdated(OWNER, "Renamed", null, rules, T0.plusSeconds(1), null));
        assertThat(owner.name()).isEqualTo("Renamed");
        assertThat(owner.networkRules()).isEqualTo(rules);
        assertThat(owner.levels()).containsExactly("READER");
    }

    @Test
    void aVendorAccountsAccessEndsAtTheExactInstantOfItsExpiry() {
        OwnerFacts vendor = foldOwner(new IdentityCreated(OWNER, "Support", IdentityKind.SUPPORT, T0.plusSeconds(60),
                null, T0, null));
        assertThat(vendor.accessEndedBy(T0.plusSeconds(60).minusMillis(1))).isFalse();
        assertThat(vendor.accessEndedBy(T0.plusSeconds(60))).isTrue();
        assertThat(vendor.networkRules()).isEqualTo(NetworkRules.none());
    }
}
