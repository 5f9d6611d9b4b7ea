package dev.idcred.query.pat;

import dev.idcred.query.identity.IdentityNames;
import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.credential.PersonalAccessTokenUsed;
import dev.idcred.shared.pat.ListPersonalAccessTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given PAT events, the listing of every owner and each owner's own list show exactly the live tokens. */
class PersonalAccessTokenProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final PageRequest ALL = new PageRequest(250, 0, true);

    private final ReadModels readModels = ReadModels.buffered(null, 1);
    private final PersonalAccessTokenProjection projection =
            new PersonalAccessTokenProjection(readModels, new IdentityNames(readModels));

    private void created(String id, String owner, int secondsAfterT0) {
        projection.on(new PersonalAccessTokenCreated(id, owner, "token " + id, List.of("sp:scopes:all"), 43_200,
                "hmac:never-shown", T0.plusSeconds(secondsAfterT0), null), 0);
    }

    private List<String> listed(String ownerId) {
        return projection.list(new ListPersonalAccessTokens(ownerId, ListingFilter.NONE, ALL)).items().stream()
                .map(PersonalAccessTokenView::id).toList();
    }

    @Test
    void eachOwnerListsItsOwnTokensOldestFirstAndTheWholeListingHasEveryOne() {
        created("b", "alice", 20);
        created("a", "alice", 10);
        created("c", "bob", 15);

        assertThat(listed("alice")).containsExactly("a", "b");
        assertThat(listed("bob")).containsExactly("c");
        assertThat(listed(null)).containsExactly("a", "c", "b");
    }

    @Test
    void aDeletedTokenLeavesBothListsAndALateEventDoesNotBringItBack() {
        created("a", "alice", 0);
        projection.on(new PersonalAccessTokenDeleted("a", "alice", null, T0.plusSeconds(60)), 1);
        projection.on(new PersonalAccessTokenUsed("a", T0.plusSeconds(30), null), 1);

        assertThat(listed("alice")).isEmpty();
        assertThat(listed(null)).isEmpty();
        assertThat(projection.mismatches(List.of("a"))).isEmpty();
    }

    @Test
    void anUpdateRenamesAndRescopesAndAUseSetsLastUsed() {
        created("a", "alice", 0);
        projection.on(new PersonalAccessTokenUpdated("a", "alice", "renamed", List.of("idn:audit:read"),
                T0.plusSeconds(10)), 1);
        projection.on(new PersonalAccessTokenUsed("a", T0.plusSeconds(20), null), 2);

        PersonalAccessTokenView view = projection.list(
                new ListPersonalAccessTokens("alice", ListingFilter.NONE, ALL)).items().get(0);
        assertThat(view.name()).isEqualTo("renamed");
        assertThat(view.scope()).containsExactly("idn:audit:read");
        assertThat(view.lastUsed()).isEqualTo(T0.plusSeconds(20));
        assertThat(view.owner().id()).isEqualTo("alice");
    }

    @Test
    void anOwnersListFiltersOnLastUse() {
        created("used", "alice", 0);
        created("unused", "alice", 1);
        projection.on(new PersonalAccessTokenUsed("used", T0.plusSeconds(60), null), 1);

        assertThat(projection.list(new ListPersonalAccessTokens("alice", ListingFilter.neverUsedFilter(), ALL))
                .items()).extracting(PersonalAccessTokenView::id).containsExactly("unused");
    }
}
