package dev.idcred.shared.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkRulesTest {

    @Test
    void noRulesAllowEveryCall() {
        assertThat(NetworkRules.none().restricts()).isFalse();
        assertThat(NetworkRules.none().refusalFor("203.0.113.1", null)).isEmpty();
    }

    @Test
    void anAddressMustFallInAnAllowedRange() {
        var rules = new NetworkRules(List.of("10.0.0.0/8", "192.168.1.128/25", "2001:db8::/32"), List.of());
        assertThat(rules.refusalFor("10.255.0.1", null)).isEmpty();
        assertThat(rules.refusalFor("192.168.1.200", null)).isEmpty();
        assertThat(rules.refusalFor("2001:db8:0:0:0:0:0:9", null)).isEmpty();
        assertThat(rules.refusalFor("192.168.1.127", null)).hasValueSatisfying(
                refusal -> assertThat(refusal).isEqualTo(new NetworkRules.Refusal("NETWORK",
                        "The client address 192.168.1.127 is outside the allowed networks")));
        assertThat(rules.refusalFor("11.0.0.1", null)).isPresent();
        assertThat(rules.refusalFor("2001:db9::1", null)).isPresent();
        assertThat(rules.refusalFor("not an address", null)).isPresent();
    }

    @Test
    void anAllowedCountryMustBeKnownAndListed() {
        var rules = new NetworkRules(List.of(), List.of("CH"));
        assertThat(rules.refusalFor("203.0.113.1", "CH")).isEmpty();
        assertThat(rules.refusalFor("203.0.113.1", "DE")).map(NetworkRules.Refusal::rule).hasValue("COUNTRY");
        assertThat(rules.refusalFor("203.0.113.1", null)).isPresent();
    }

    @Test
    void rangesAndAddressesAreOnlyEverLiteralsSoNoNameIsResolved() {
        assertThat(NetworkRules.ipLiteral("dead.beef")).isEmpty();
        assertThat(NetworkRules.ipLiteral("localhost")).isEmpty();
        assertThat(NetworkRules.ipLiteral("999.1.1.1")).isEmpty();
        assertThat(NetworkRules.ipLiteral("1.2.3")).isEmpty();
        assertThat(NetworkRules.ipLiteral("[::1]")).isPresent();
        assertThat(NetworkRules.ipLiteral(" 10.0.0.1 ")).isPresent();
        assertThat(NetworkRules.contains("10.0.0.0/33", NetworkRules.ipLiteral("10.0.0.1").orElseThrow())).isFalse();
        assertThat(NetworkRules.contains("0.0.0.0/0", NetworkRules.ipLiteral("8.8.8.8").orElseThrow())).isTrue();
        assertThat(NetworkRules.contains("10.0.0.0/8", NetworkRules.ipLiteral("::1").orElseThrow())).isFalse();
    }
}
