package dev.idcred.shared.apiclient;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUrisTest {

    private static final List<String> REGISTERED = List.of("https://app.example/cb", "http://127.0.0.1/callback",
            "http://[::1]:8000/native");

    @Test
    void anHttpsRedirectMatchesOnlyExactly() {
        assertThat(RedirectUris.matches(REGISTERED, "https://app.example/cb")).isTrue();
        assertThat(RedirectUris.matches(REGISTERED, "https://app.example/cb/")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "https://app.example/cb?x=1")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "https://APP.example/cb")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "https://app.example:443/cb")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, null)).isFalse();
    }

    @Test
    void aLoopbackRedirectMatchesOnAnyPortButNothingElseChanges() {
        assertThat(RedirectUris.matches(REGISTERED, "http://127.0.0.1:53682/callback")).isTrue();
        assertThat(RedirectUris.matches(REGISTERED, "http://127.0.0.1/callback")).isTrue();
        assertThat(RedirectUris.matches(REGISTERED, "http://[::1]:9/native")).isTrue();
        assertThat(RedirectUris.matches(REGISTERED, "http://127.0.0.1:1/callback/x")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "http://127.0.0.2:1/callback")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "https://127.0.0.1:1/callback")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "http://user@127.0.0.1:1/callback")).isFalse();
        assertThat(RedirectUris.matches(REGISTERED, "http://127.0.0.1:x/callback")).isFalse();
    }

    @Test
    void onlyHttpOnALoopbackHostIsALoopbackRedirect() {
        assertThat(RedirectUris.isLoopback("http://localhost:8080/cb")).isTrue();
        assertThat(RedirectUris.isLoopback("http://localhost.evil.example/cb")).isFalse();
        assertThat(RedirectUris.isLoopback("http://10.0.0.1/cb")).isFalse();
        assertThat(RedirectUris.isLoopback("javascript:alert(1)")).isFalse();
    }
}
