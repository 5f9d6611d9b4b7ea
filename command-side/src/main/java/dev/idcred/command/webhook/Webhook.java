package dev.idcred.command.webhook;

import dev.idcred.command.TextRules;
import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.webhook.ChangeWebhook;
import dev.idcred.shared.webhook.DeleteWebhook;
import dev.idcred.shared.webhook.RegisterWebhook;
import dev.idcred.shared.webhook.RequestWebhookRedelivery;
import dev.idcred.shared.webhook.RotateWebhookSecret;
import dev.idcred.shared.webhook.WebhookChanged;
import dev.idcred.shared.webhook.WebhookDeleted;
import dev.idcred.shared.webhook.WebhookEventTypes;
import dev.idcred.shared.webhook.WebhookRedeliveryRequested;
import dev.idcred.shared.webhook.WebhookRegistered;
import dev.idcred.shared.webhook.WebhookSecretRotated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A tenant's webhook: where credential events of which types are delivered, and the salt of its signing secret. */
@Aggregate
public class Webhook {

    static final int MAX_DESCRIPTION_LENGTH = 500;

    /** What a patch may change. */
    record Settings(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    @AggregateIdentifier
    private String webhookId;
    private Settings settings;

    protected Webhook() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void register(RegisterWebhook command, WebhookTargets targets, Clock clock) {
        Settings valid = valid(new Settings(command.url(), command.eventTypes(), command.description(), true),
                targets);
        apply(new WebhookRegistered(command.webhookId(), valid.url(), valid.eventTypes(), valid.description(),
                command.secretSalt(), clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeWebhook command, WebhookTargets targets, Clock clock) {
        Settings changed = valid(JsonPatches.apply(settings, command.patch(), Settings.class), targets);
        if (!changed.equals(settings)) {
            apply(new WebhookChanged(webhookId, changed.url(), changed.eventTypes(), changed.description(),
                    changed.enabled(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RotateWebhookSecret command, Clock clock) {
        apply(new WebhookSecretRotated(webhookId, command.secretSalt(), clock.instant()));
    }

    /** The delivery itself is queued again by the caller ({@code WebhookDeliveries}); the history says who asked. */
    @CommandHandler
    public void handle(RequestWebhookRedelivery command, Clock clock) {
        apply(new WebhookRedeliveryRequested(webhookId, command.deliveryId(), clock.instant()));
    }

    @CommandHandler
    public void handle(DeleteWebhook command, Clock clock) {
        apply(new WebhookDeleted(webhookId, clock.instant()));
    }

    private static Settings valid(Settings given, WebhookTargets targets) {
        String url = targets.validate(given.url()).toString();
        if (given.eventTypes() == null || given.eventTypes().isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "eventTypes must name at least one of "
                    + WebhookEventTypes.ALL);
        }
        var types = new LinkedHashSet<String>();
        for (String type : given.eventTypes()) {
            if (type == null || !WebhookEventTypes.ALL.contains(type)) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "Unknown event type " + type + "; known: "
                        + WebhookEventTypes.ALL);
            }
            types.add(type);
        }
        String description = TextRules.validText("description", given.description(), MAX_DESCRIPTION_LENGTH);
        boolean enabled = given.enabled() == null || given.enabled();
        return new Settings(url, List.copyOf(types), description, enabled);
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        webhookId = event.webhookId();
        settings = new Settings(event.url(), event.eventTypes(), event.description(), true);
    }

    @EventSourcingHandler
    void on(WebhookChanged event) {
        settings = new Settings(event.url(), event.eventTypes(), event.description(), event.enabled());
    }

    @EventSourcingHandler
    void on(WebhookDeleted event) {
        markDeleted();
    }
}
