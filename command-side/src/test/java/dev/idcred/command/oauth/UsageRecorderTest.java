package dev.idcred.command.oauth;

import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.RecordUsage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage: at most one event per credential and period, and every token recorded within a period of its issue. */
class UsageRecorderTest {

    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Duration SCHEDULER_INTERVAL = Duration.ofMillis(250);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:30Z"));
    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final UsageRecorder recorder = new UsageRecorder(DefaultCommandGateway.builder().commandBus(bus).build(),
            clock, new UsageRecorder.UsageProperties(PERIOD));
    /** When each usage event was sent, by the clock. */
    private final List<Instant> sentAt = new ArrayList<>();

    @Test
    void theFirstTokenIsRecordedAtOnceAndTheRestOfItsWindowAsOneTallyWhenTheWindowEnds() {
        use();
        assertThat(usages()).extracting(u -> u.usage().tokens()).containsExactly(1);

        advance(Duration.ofSeconds(10));
        use();
        advance(Duration.ofSeconds(10));
        use();
        advanceTo(Duration.ofSeconds(60).minusMillis(1));
        assertThat(usages()).hasSize(1);

        advance(SCHEDULER_INTERVAL);
        assertThat(usages()).extracting(u -> u.usage().tokens()).containsExactly(1, 2);
        assertThat(usages().get(1).usedAt()).isEqualTo(start.plusSeconds(20));
    }

    @Test
    void underSteadyUseTheEventsAreAPeriodApartAndEveryTokenIsRecordedWithinAPeriod() {
        List<Instant> uses = new ArrayList<>();
        for (int second = 0; second < 300; second++) {
            for (int i = 0; i < 3; i++) {
                uses.add(clock.instant());
                use();
            }
            advance(Duration.ofSeconds(1));
        }
        advance(PERIOD);

        assertThat(usages().stream().mapToInt(u -> u.usage().tokens()).sum()).isEqualTo(uses.size());
        for (int i = 1; i < sentAt.size(); i++) {
            assertThat(Duration.between(sentAt.get(i - 1), sentAt.get(i))).isGreaterThanOrEqualTo(PERIOD);
        }
        int recorded = 0;
        for (int event = 0; event < usages().size(); event++) {
            int tokens = usages().get(event).usage().tokens();
            for (int t = recorded; t < recorded + tokens; t++) {
                assertThat(Duration.between(uses.get(t), sentAt.get(event)))
                        .isLessThanOrEqualTo(PERIOD.plus(SCHEDULER_INTERVAL));
            }
            recorded += tokens;
        }
    }

    @Test
    void aWindowThatEndsWithNothingPendingClosesSoTheNextTokenIsRecordedAtOnce() {
        use();
        advance(Duration.ofSeconds(90));
        assertThat(usages()).hasSize(1);

        use();
        assertThat(usages()).extracting(u -> u.usage().tokens()).containsExactly(1, 1);
        assertThat(Duration.between(sentAt.get(0), sentAt.get(1))).isGreaterThanOrEqualTo(PERIOD);
    }

    @Test
    void pendingTokensAreRecordedBeforeTheCredentialIsDeletedAndAtShutdown() {
        recorder.start();
        use();
        use();
        recorder.recordPendingOf("client-1");
        assertThat(usages()).extracting(u -> u.usage().tokens()).containsExactly(1, 1);

        use();
        use();
        recorder.stop();
        assertThat(usages()).extracting(u -> u.usage().tokens()).containsExactly(1, 1, 1, 1);
    }

    private final Instant start = clock.instant();

    private void use() {
        recorder.used("client-1", CredentialKind.API_CLIENT, clock.instant(), 1, null);
        noteSent();
    }

    /** Moves the clock on in scheduler steps, running the scheduled task at each, as the service does. */
    private void advance(Duration duration) {
        Instant until = clock.instant().plus(duration);
        while (clock.instant().isBefore(until)) {
            Duration step = Duration.between(clock.instant(), until);
            clock.set(clock.instant().plus(step.compareTo(SCHEDULER_INTERVAL) < 0 ? step : SCHEDULER_INTERVAL));
            recorder.recordEndedWindows();
            noteSent();
        }
    }

    private void advanceTo(Duration sinceStart) {
        advance(Duration.between(clock.instant(), start.plus(sinceStart)));
    }

    private void noteSent() {
        while (sentAt.size() < bus.getDispatchedCommands().size()) {
            sentAt.add(clock.instant());
        }
    }

    private List<RecordUsage> usages() {
        return bus.getDispatchedCommands().stream().map(c -> (RecordUsage) c.getPayload()).toList();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
