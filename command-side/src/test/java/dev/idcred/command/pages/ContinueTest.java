package dev.idcred.command.pages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContinueTest {

    @ParameterizedTest
    @ValueSource(strings = {"/oauth/authorize?client_id=a&state=b", "/account", "/account/authenticator"})
    void aPathOfOursIsKept(String next) {
        assertThat(Continue.safe(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "/oauth/authorizer",
            "/oauth/authorize?x=\r\nSet-Cookie:a", "javascript:alert(1)", "/console",
            "/oauth/authorize?a={b}", ""})
    void anythingElseBecomesTheAccountPage(String next) {
        assertThat(Continue.safe(next)).as(next).isEqualTo("/account");
    }
}
