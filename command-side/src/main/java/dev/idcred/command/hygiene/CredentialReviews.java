package dev.idcred.command.hygiene;

import dev.idcred.command.Commands;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.hygiene.ReviewCredential;
import dev.idcred.shared.hygiene.TenantPolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Applies the tenant's time-based rules, at start (so what fell due during a downtime is done then) and every
 * {@code credentials.expiry.check-interval}: each credential due for a rule is asked to review itself
 * ({@link ReviewCredential}), as the system. Its aggregate decides, and writes each notice once: several instances may
 * ask at the same time, and the one that loses the race finds the notice written.
 */
@Component
@EnableConfigurationProperties(ExpiryProperties.class)
class CredentialReviews implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CredentialReviews.class);

    private final HygieneCandidates candidates;
    private final Commands commands;
    private final TenantPolicy policy;
    private final Clock clock;
    private final Duration interval;

    CredentialReviews(HygieneCandidates candidates, Commands commands, TenantPolicy policy, Clock clock,
                      ExpiryProperties properties) {
        this.candidates = candidates;
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
        this.interval = properties.checkInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::reviewDue, interval);
    }

    void reviewDue() {
        for (HygieneCandidates.Candidate due : candidates.dueAt(clock.instant(), policy)) {
            try {
                commands.sendAsSystem(new ReviewCredential(due.credentialId(), due.kind()));
            } catch (AggregateNotFoundException | ConcurrencyException raced) {
                log.debug("Credential {} changed meanwhile; reviewed again next time", due.credentialId());
            } catch (RuntimeException e) {
                log.warn("Could not review credential {}: {}", due.credentialId(), e.toString());
            }
        }
    }
}
