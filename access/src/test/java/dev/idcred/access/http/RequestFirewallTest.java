package dev.idcred.access.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's loops answer exactly as Spring Security's own regular expressions do. */
class RequestFirewallTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig", "a\tb", "a\nb",
            "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378", "emoji \uD83D\uDD11", "lone \uD800 surrogate",
            "é ü ß", "tab\t", "\r\n", "\u2028 line separator", "private \uE000 use", "noncharacter \uFFFF");

    @Test
    void headerAndParameterRulesMatchTheRegularExpressions() {
        for (String sample : SAMPLES) {
            assertThat(RequestFirewall.assignedWithoutControls(sample)).as("name %s", sample)
                    .isEqualTo(NAMES.matcher(sample).matches());
            assertThat(RequestFirewall.allAssignedWithoutControls(sample, true)).as("value %s", sample)
                    .isEqualTo(VALUES.matcher(sample).matches());
        }
    }

    @Test
    void everyCharacterOfTheFirstPlaneIsJudgedAsTheRegularExpressionsJudgeIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "x" + (char) c;
            assertThat(RequestFirewall.allAssignedWithoutControls(text, true)).as("U+%04X", c)
                    .isEqualTo(VALUES.matcher(text).matches());
            assertThat(RequestFirewall.assignedWithoutControls(text)).as("U+%04X", c)
                    .isEqualTo(NAMES.matcher(text).matches());
        }
    }
}
