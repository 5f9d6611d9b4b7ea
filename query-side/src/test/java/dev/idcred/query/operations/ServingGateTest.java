package dev.idcred.query.operations;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A query side answers reads only once it is ready: until then a read gets 503 READ_SIDE_BEHIND with Retry-After
 * (the gateway's cue to ask another instance); writes and non-API paths are never held back.
 */
class ServingGateTest {

    private final ProcessorLag processors = mock(ProcessorLag.class);
    private final ServingGate gate = new ServingGate(processors);

    @Test
    void readsAreRefusedUntilTheServiceIsStartedAndItsProcessorsAreWithinTheirLag() throws Exception {
        when(processors.health()).thenReturn(Health.outOfService().build());
        assertRefused(read());

        gate.onApplicationEvent(null);
        assertRefused(read());

        when(processors.health()).thenReturn(Health.up().build());
        await().untilAsserted(() -> assertThat(read().getStatus()).isEqualTo(200));

        when(processors.health()).thenReturn(Health.outOfService().build());
        assertThat(read().getStatus()).as("once open, the gate stays open").isEqualTo(200);
    }

    @Test
    void aFailingSegmentIsNoCatchingUp() throws Exception {
        gate.onApplicationEvent(null);
        when(processors.health()).thenReturn(Health.down().build());
        await().untilAsserted(() -> assertThat(read().getStatus()).isEqualTo(200));
    }

    @Test
    void writesAndOtherPathsAreNeverHeldBack() throws Exception {
        when(processors.health()).thenReturn(Health.outOfService().build());
        assertThat(call("POST", "/v3/read-model-rebuilds").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse read() throws Exception {
        return call("GET", "/v3/oauth-clients/abc");
    }

    private MockHttpServletResponse call(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain());
        return response;
    }

    private static void assertRefused(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("503 Read side catching up").contains("trackingId");
    }
}
