package dev.idcred.query.appliance;

import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.appliance.ListVirtualAppliances;
import dev.idcred.shared.appliance.VirtualApplianceCreated;
import dev.idcred.shared.appliance.VirtualApplianceDeleted;
import dev.idcred.shared.common.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Given appliance events, the listing shows each live appliance with the id of its VA key. */
class VirtualApplianceProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ListVirtualAppliances ALL = new ListVirtualAppliances(new PageRequest(250, 0, true));

    private final VirtualApplianceProjection projection = new VirtualApplianceProjection(ReadModels.buffered(null, 1));

    @Test
    void anApplianceIsListedWithItsKeyUntilItIsDeleted() {
        projection.on(new VirtualApplianceCreated("va1", "Austin cluster", "owner-1", "key-1", T0), 0);
        projection.on(new VirtualApplianceCreated("va2", "Berlin cluster", "owner-1", "key-2", T0.plusSeconds(1)), 0);

        assertThat(projection.list(ALL).items()).extracting(VirtualApplianceView::id, VirtualApplianceView::clientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("va1", "key-1"),
                        org.assertj.core.groups.Tuple.tuple("va2", "key-2"));

        projection.on(new VirtualApplianceDeleted("va1", "key-1", T0.plusSeconds(60)), 1);

        assertThat(projection.list(ALL).items()).extracting(VirtualApplianceView::id).containsExactly("va2");
        assertThat(projection.list(ALL).total()).isEqualTo(1);
    }
}
