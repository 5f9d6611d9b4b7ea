package dev.idcred.command.webhook;

import dev.idcred.shared.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(false);
    private final WebhookTargets forTests = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://0177.0.0.1/hook", "https://0x7f.1/hook", "https://2130706433/hook",
            "https://127.1/hook", "https://010.0.0.1/", "https://127.0.0.1./"})
    void aHostWrittenAsANumberInAnyFormButDottedDecimalIsRefused(String url) {
        assertThatThrownBy(() -> forTests.validate(url)).isInstanceOf(DomainException.class);
    }

    @Test
    void anOctalAddressIsRefusedForWhatItIsNotForWhereItLeads() {
        assertThatThrownBy(() -> forTests.validate("https://0177.0.0.1/hook")).hasMessageContaining("dotted decimal");
        assertThatThrownBy(() -> forTests.resolve("0x7f.1")).hasMessageContaining("dotted decimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[64:ff9b::7f00:1]/", "https://[64:ff9b::808:808]/", "https://[2002:7f00:1::]/",
            "https://[2002:808:808::]/", "https://[::7f00:1]/", "https://[::808:808]/", "https://[::ffff:10.0.0.1]/",
            "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "https://[fd00::1]/", "https://[fe80::1]/",
            "https://[fec0::1]/", "https://[2001:db8::1]/", "https://[ff02::1]/", "https://[::]/",
            "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/",
            "https://100.64.0.1/", "https://192.0.2.1/", "https://198.51.100.1/", "https://203.0.113.1/",
            "https://198.18.0.1/", "https://224.0.0.1/", "https://0.0.0.0/", "https://127.0.0.1/",
            "https://[::1]/"})
    void anAddressOfNoPublicNetworkIsRefusedWithoutNamingIt(String url) {
        assertThatThrownBy(() -> targets.validate(url)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[0-9]+\\.[0-9]+|::|[0-9a-f]{4}"));
    }

    @Test
    void aPublicAddressIsAccepted() {
        assertThat(targets.validate("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
        assertThat(targets.validate("https://[2606:4700:4700::1111]/hook").getHost())
                .isEqualTo("[2606:4700:4700::1111]");
    }

    @Test
    void loopbackOnlyWhenAllowedAndPlainHttpOnlyThere() {
        assertThat(forTests.validate("http://127.0.0.1:9/hook").getPort()).isEqualTo(9);
        assertThatThrownBy(() -> targets.validate("http://127.0.0.1:9/hook")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> forTests.validate("http://8.8.8.8/hook")).hasMessageContaining("https");
    }

    @Test
    void whatADeliveryConnectsToIsWhatTheResolverChecked() throws UnknownHostException {
        assertThat(forTests.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> targets.resolve("127.0.0.1")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> targets.resolve("[64:ff9b::a00:1]")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void credentialsInTheUrlAndFragmentsAreRefused() {
        assertThatThrownBy(() -> targets.validate("https://user:pw@8.8.8.8/")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> targets.validate("https://8.8.8.8/#x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> targets.validate("ftp://8.8.8.8/")).isInstanceOf(DomainException.class);
    }
}
