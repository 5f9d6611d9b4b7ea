package dev.idcred.access.network;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOriginsTest {

    private final ClientOrigins origins = new ClientOrigins(new NetworkProperties(List.of("10.0.0.0/24", "::1/128"), "X-Country-Code"));

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientAndItsHeadersAreIgnored() {
        MockHttpServletRequest request = from("203.0.113.9");
        request.addHeader("X-Forwarded-For", "10.0.0.77");
        request.addHeader("X-Country-Code", "CH");
        assertThat(origins.of(request)).isEqualTo(new ClientOrigin("203.0.113.9", null));
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestUntrustedForwardedAddress() {
        MockHttpServletRequest request = from("10.0.0.1");
        request.addHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.5");
        request.addHeader("X-Forwarded-For", "10.0.0.2");
        request.addHeader("X-Country-Code", "ch");
        assertThat(origins.of(request)).isEqualTo(new ClientOrigin("203.0.113.5", "CH"));
    }

    @Test
    void aTrustedProxyWithoutForwardingIsItselfTheClient() {
        assertThat(origins.of(from("::1")).address()).isEqualTo("::1");
        MockHttpServletRequest allTrusted = from("10.0.0.1");
        allTrusted.addHeader("X-Forwarded-For", "10.0.0.3, 10.0.0.2");
        assertThat(origins.of(allTrusted).address()).isEqualTo("10.0.0.3");
    }

    @Test
    void aCountryNamedMoreThanOnceIsAmbiguousAndSoUnknown() {
        MockHttpServletRequest request = from("10.0.0.1");
        request.addHeader("X-Country-Code", "CH");
        request.addHeader("X-Country-Code", "DE");
        assertThat(origins.of(request).country()).isNull();
    }

    @Test
    void aMalformedCountryIsNoCountry() {
        MockHttpServletRequest request = from("10.0.0.1");
        request.addHeader("X-Country-Code", "Switzerland");
        assertThat(origins.of(request).country()).isNull();
    }

    @Test
    void aMisconfiguredTrustedProxyStopsTheService() {
        assertThatThrownBy(() -> new ClientOrigins(new NetworkProperties(List.of("proxy.example.com"), "X-Country-Code")))
                .hasMessageContaining("trusted-proxies");
    }

    private static MockHttpServletRequest from(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/oauth-clients");
        request.setRemoteAddr(peer);
        return request;
    }
}
