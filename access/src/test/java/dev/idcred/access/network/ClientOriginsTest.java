package dev.idcred.access.network;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOriginsTest {

    private static final String CONSOLE_KEY = "the-console's-forwarding-key";
    private final ClientOrigins origins = new ClientOrigins(new NetworkProperties(List.of("10.0.0.0/24", "::1/128"),
            "X-Country-Code", CONSOLE_KEY));

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
        assertThatThrownBy(() -> new ClientOrigins(new NetworkProperties(List.of("proxy.example.com"), "X-Country-Code", "")))
                .hasMessageContaining("trusted-proxies");
    }

    @Test
    void theConsoleWithItsKeyPassesOnThePersonsAddress() {
        MockHttpServletRequest request = from("127.0.0.1");
        request.addHeader("X-Forwarded-For", "198.51.100.7");
        request.addHeader(ClientOrigins.CONSOLE_KEY_HEADER, CONSOLE_KEY);
        assertThat(origins.of(request).address()).isEqualTo("198.51.100.7");
    }

    @Test
    void aWrongOrMissingConsoleKeyIsNotBelieved() {
        MockHttpServletRequest wrong = from("127.0.0.1");
        wrong.addHeader("X-Forwarded-For", "198.51.100.7");
        wrong.addHeader(ClientOrigins.CONSOLE_KEY_HEADER, "guess");
        assertThat(origins.of(wrong).address()).isEqualTo("127.0.0.1");
        var withoutKey = new ClientOrigins(new NetworkProperties(List.of(), "X-Country-Code", ""));
        MockHttpServletRequest empty = from("127.0.0.1");
        empty.addHeader("X-Forwarded-For", "198.51.100.7");
        empty.addHeader(ClientOrigins.CONSOLE_KEY_HEADER, "");
        assertThat(withoutKey.of(empty).address()).isEqualTo("127.0.0.1");
    }

    private static MockHttpServletRequest from(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/oauth-clients");
        request.setRemoteAddr(peer);
        return request;
    }
}
