package dev.idcred.command.hygiene;

import dev.idcred.command.Commands;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.webhook.DeleteWebhook;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The seed: personal access tokens of SUPPORT and SERVICES accounts are deleted when the account's tenant access
 * expires; so are the webhooks such an account registered, since nothing a vendor account makes outlives its access. Checked at start (so an expiry that passed while the service was down is enforced then) and every
 * {@code credentials.expiry.check-interval} (2 s) after; each deletion is a {@code PersonalAccessTokenDeleted} with
 * its reason, issued by the system. Several instances may race for a token: its aggregate deletes it once, and the
 * loser's attempt finds it deleted. From the instant of expiry the tokens are dead anyway (the gate and the token
 * endpoint check the owner's access); the deletion makes it permanent and visible.
 */
@Component
class TenantAccessExpiry implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TenantAccessExpiry.class);

    private final OwnerAccessEnded ended;
    private final Commands commands;
    private final Clock clock;
    private final Duration interval;

    TenantAccessExpiry(OwnerAccessEnded ended, Commands commands, Clock clock, ExpiryProperties properties) {
        this.ended = ended;
        this.commands = commands;
        this.clock = clock;
        this.interval = properties.checkInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::endWhatExpiredAccountsMade, interval);
    }

    void endWhatExpiredAccountsMade() {
        for (OwnerAccessEnded.ExpiredWebhook expired : ended.webhooksBy(clock.instant())) {
            try {
                commands.sendAsSystem(new DeleteWebhook(expired.webhookId()));
                log.info("Deleted webhook {}: tenant access of {}, who registered it, expired at {}",
                        expired.webhookId(), expired.registrantId(), expired.accessEndedAt());
            } catch (AggregateNotFoundException alreadyDeleted) {
                log.debug("Webhook {} was deleted meanwhile", expired.webhookId());
            }
        }
        for (OwnerAccessEnded.ExpiredToken expired : ended.tokensBy(clock.instant())) {
            try {
                commands.sendAsSystem(new DeletePersonalAccessToken(expired.tokenId(),
                        "Tenant access of " + expired.ownerId() + " expired at " + expired.accessEndedAt()));
                log.info("Deleted personal access token {}: tenant access of {} expired at {}", expired.tokenId(),
                        expired.ownerId(), expired.accessEndedAt());
            } catch (AggregateNotFoundException alreadyDeleted) {
                log.debug("Token {} was deleted meanwhile", expired.tokenId());
            }
        }
    }
}
