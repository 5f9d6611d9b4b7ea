package dev.idcred.shared.credential;

import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.identity.UserLevelGranted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.idcred.shared.credential.Facts.CATALOGUE;
import static dev.idcred.shared.credential.Facts.CLIENT;
import static dev.idcred.shared.credential.Facts.OWNER;
import static dev.idcred.shared.credential.Facts.T0;
import static dev.idcred.shared.credential.Facts.clientCreated;
import static dev.idcred.shared.credential.Facts.clientUpdated;
import static dev.idcred.shared.credential.Facts.ownerCreated;
import static org.assertj.core.api.Assertions.assertThat;

/** Time travel folds the same events with the same fold, up to the instant asked. */
class CredentialHistoryTest {

    private static final List<Object> CLIENT_LOG = List.of(
            clientCreated(List.of(Scopes.ALL), GrantType.CLIENT_CREDENTIALS),
            new ApiClientUsed(CLIENT, T0.plusSeconds(5), null),
            clientUpdated(T0.plusSeconds(10), List.of(Scopes.ALL), false, GrantType.CLIENT_CREDENTIALS));
    private static final List<Object> OWNER_LOG = List.of(ownerCreated(),
            new UserLevelGranted(OWNER, "READER", T0.plusSeconds(3)));

    @Test
    void beforeItsCreationACredentialIsNothing() {
        assertThat(CredentialHistory.at(CLIENT_LOG, OWNER_LOG, T0.minusMillis(1))).isEmpty();
    }

    @Test
    void atAnInstantItHasTheScopeItHadAndTheRightsOfTheLevelsItsOwnerHeldThen() {
        assertThat(CredentialHistory.at(CLIENT_LOG, OWNER_LOG, T0).orElseThrow().rightsAt(T0, CATALOGUE))
                .containsExactly("idn:mine");
        assertThat(CredentialHistory.at(CLIENT_LOG, OWNER_LOG, T0.plusSeconds(3)).orElseThrow()
                .rightsAt(T0.plusSeconds(3), CATALOGUE)).containsExactlyInAnyOrder("idn:a:read", "idn:mine");
    }

    @Test
    void whileDisabledItHadItsScopeButNoRights() {
        CredentialAccess then = CredentialHistory.at(CLIENT_LOG, OWNER_LOG, T0.plusSeconds(10)).orElseThrow();
        assertThat(then.stateAt(T0.plusSeconds(10))).isEqualTo(CredentialAccess.State.DISABLED);
        assertThat(then.credential().scope()).containsExactly(Scopes.ALL);
    }
}
