package dev.idcred.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's form and display rules: instants typed in UTC, lines, instants written for people, navigation. */
class FormsTest {

    @Test
    void aDateTimeFieldIsReadAsUtcAndNonsenseIsAProblemNotACrash() {
        assertThat(Forms.instant("2026-03-01T10:15")).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(Forms.instant("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Forms.instant(" ")).isNull();
        assertThatThrownBy(() -> Forms.instant("yesterday")).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(400));
        assertThat(Forms.local(Instant.parse("2026-03-01T10:15:30.123Z"))).isEqualTo("2026-03-01T10:15:30");
    }

    @Test
    void instantsAnywhereInAnAnswerAreWrittenForPeople() throws Exception {
        var answer = new ObjectMapper().readTree("""
                {"created": "2026-03-01T10:15:30.123Z", "name": "2026 plans",
                 "rights": [{"from": "2026-03-02T00:00:00Z"}]}""");
        Map<String, Object> shown = Forms.map(answer);
        assertThat(shown.get("created")).isEqualTo("2026-03-01 10:15:30 UTC");
        assertThat(shown.get("name")).isEqualTo("2026 plans");
        assertThat(shown.get("rights").toString()).contains("2026-03-02 00:00:00 UTC");
    }

    @Test
    void redirectUrlsAreOnePerLine() {
        assertThat(Forms.lines("https://a.example/cb\r\n\n  https://b.example/cb  ")).containsExactly(
                "https://a.example/cb", "https://b.example/cb");
    }

    @Test
    void theNavigationFollowsTheRights() {
        var reader = new SignedIn("c", "i", "PERSONAL_ACCESS_TOKEN", Set.of(Rights.MY_PATS_READ), "t",
                Instant.now(), null, null);
        assertThat(Navigation.of(reader)).isEqualTo(new Navigation(false, true, false, false));
        assertThat(Navigation.of(reader).firstPage()).isEqualTo("/console/tokens");
        var nobody = new SignedIn("c", "i", "OAUTH_CLIENT", Set.of(), "t", Instant.now(), null, null);
        assertThat(Navigation.of(nobody).firstPage()).isEqualTo("/console/nothing");
        assertThat(reader.toString()).doesNotContain("t,").doesNotContain("accessToken");
        assertThat(List.of(reader.holdsAny(Rights.AUDIT_READ, Rights.MY_PATS_READ))).containsExactly(true);
    }
}
