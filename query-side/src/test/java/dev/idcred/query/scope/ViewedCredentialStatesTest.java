package dev.idcred.query.scope;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance waits for the view only when it processes all of it: otherwise it cannot see the view's progress. */
class ViewedCredentialStatesTest {

    @Test
    void theWholeSegmentSpaceIsCovered() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment[] quarters = halves[1].split();
        assertThat(ViewedCredentialStates.coversEverySegment(List.of(Segment.ROOT_SEGMENT))).isTrue();
        assertThat(ViewedCredentialStates.coversEverySegment(List.of(halves[0], quarters[0], quarters[1]))).isTrue();
        assertThat(ViewedCredentialStates.coversEverySegment(List.of(Segment.computeSegments(
                java.util.stream.IntStream.range(0, 16).toArray())))).isTrue();
    }

    @Test
    void segmentsOtherInstancesHoldAreMissing() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        assertThat(ViewedCredentialStates.coversEverySegment(List.of())).isFalse();
        assertThat(ViewedCredentialStates.coversEverySegment(List.of(halves[0]))).isFalse();
        assertThat(ViewedCredentialStates.coversEverySegment(List.of(halves[1].split()[0]))).isFalse();
    }
}
