package dev.idcred.access.network;

import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.token.AccessRefused;
import dev.idcred.shared.token.RecordAccessRefusal;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of refused calls becomes at most one small event per credential, rule and minute. */
class AccessRefusalsTest {

    private static final Instant MINUTE = Instant.parse("2026-05-01T10:00:00Z");
    private static final CredentialFacts PAT = new CredentialFacts("pat-1", CredentialKind.PERSONAL_ACCESS_TOKEN,
            "owner-1", null, List.of(), Set.of(GrantType.CLIENT_CREDENTIALS), true, 600, 0, List.of(), MINUTE, null,
            null, null, null, Map.of(), null, List.of(), null, null);
    private static final NetworkRules.Refusal OUTSIDE = new NetworkRules.Refusal("NETWORK", "outside");

    private final List<AccessRefused> appended = new ArrayList<>();
    private Instant now = MINUTE.plusSeconds(1);
    private final AccessRefusals refusals = new AccessRefusals(recordingGateway(), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theFirstRefusalIsWrittenAtOnceAndTheRestOfItsMinuteAsOneCountWhenTheMinuteEnds() {
        for (int i = 0; i < 100; i++) {
            refusals.record(PAT, new ClientOrigin("198.51.100.1", null), OUTSIDE, "GET /v3/" + "x".repeat(7_000));
        }
        assertThat(appended).hasSize(1);
        assertThat(appended.get(0).count()).isEqualTo(1);
        assertThat(appended.get(0).request()).hasSize(AccessRefusals.MAX_REQUEST_LENGTH + 1);

        refusals.writeEndedWindows();
        assertThat(appended).hasSize(1);
        now = MINUTE.plusSeconds(61);
        refusals.writeEndedWindows();
        assertThat(appended).hasSize(2);
        assertThat(appended.get(1).count()).isEqualTo(99);
    }

    @Test
    void eachRuleIsCountedOnItsOwnAndAQuietMinuteClosesItsWindow() {
        refusals.record(PAT, new ClientOrigin("198.51.100.1", null), OUTSIDE, "GET /a");
        refusals.record(PAT, new ClientOrigin("198.51.100.1", "DE"), new NetworkRules.Refusal("COUNTRY", "DE"),
                "GET /a");
        now = MINUTE.plusSeconds(70);
        refusals.record(PAT, new ClientOrigin("198.51.100.1", null), OUTSIDE, "GET /b");
        assertThat(appended).extracting(AccessRefused::rule).containsExactly("NETWORK", "COUNTRY", "NETWORK");
    }

    @Test
    void refusalsAcrossAClockMinuteAreStillOneEventUntilAMinuteAfterTheFirst() {
        now = MINUTE.plusSeconds(59);
        for (int i = 0; i < 10; i++) {
            refusals.record(PAT, new ClientOrigin("198.51.100.1", null), OUTSIDE, "GET /a");
            now = now.plusMillis(200);
            refusals.writeEndedWindows();
        }
        assertThat(appended).hasSize(1);
    }

    @Test
    void underSteadyRefusalsTheEventsAreAMinuteApartAndCountEveryCall() {
        List<Instant> writtenAt = new ArrayList<>();
        for (int second = 0; second < 300; second++) {
            refusals.record(PAT, new ClientOrigin("198.51.100.1", null), OUTSIDE, "GET /a");
            noteWrites(writtenAt);
            now = now.plusSeconds(1);
            refusals.writeEndedWindows();
            noteWrites(writtenAt);
        }
        for (int i = 1; i < writtenAt.size(); i++) {
            assertThat(java.time.Duration.between(writtenAt.get(i - 1), writtenAt.get(i)).getSeconds())
                    .isGreaterThanOrEqualTo(60);
        }
        refusals.stop();
        assertThat(appended.stream().mapToInt(AccessRefused::count).sum()).isEqualTo(300);
    }

    private void noteWrites(List<Instant> writtenAt) {
        while (writtenAt.size() < appended.size()) {
            writtenAt.add(now);
        }
    }

    /** A command bus whose one handler keeps each refusal it is sent, acted by the credential's owner. */
    private DefaultCommandGateway recordingGateway() {
        var bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecordAccessRefusal.class.getName(), command -> {
            assertThat(command.getMetaData().get(AuditMetadata.ACTOR_ID)).isEqualTo("owner-1");
            appended.add(((RecordAccessRefusal) command.getPayload()).refusal());
            return null;
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
