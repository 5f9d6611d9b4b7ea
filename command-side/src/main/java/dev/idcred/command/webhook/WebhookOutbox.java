package dev.idcred.command.webhook;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.credential.AccessTokenRevoked;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.CredentialDeleted;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialExpired;
import dev.idcred.shared.credential.CredentialExpiringSoon;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.CredentialUnusedWarning;
import dev.idcred.shared.credential.CredentialUsed;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.hygiene.EffectiveRightsChanged;
import dev.idcred.shared.token.AccessRefused;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.webhook.WebhookEventTypes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Feeds the webhook outbox from the log: a tracking processor of its own ({@value #GROUP}, one segment, its token in
 * PostgreSQL beside the outbox), so each credential event a webhook subscribes to is queued once per webhook, in the
 * transaction that moves the processor's token past it: none is lost, however the service stops. A webhook receives
 * the events appended after it was registered.
 */
@Component
@ProcessingGroup(WebhookOutbox.GROUP)
class WebhookOutbox {

    static final String GROUP = "webhook-outbox";
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** What a log event is to webhooks: its type, and the credential it concerns. */
    record Subject(String type, String credentialId, CredentialKind kind, String ownerId) {
    }

    private final WebhookDirectory webhooks;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookOutbox(WebhookDirectory webhooks, WebhookDeliveries deliveries, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        Optional<Subject> subject = subjectOf(payload);
        if (subject.isEmpty()) {
            return;
        }
        var subscribed = webhooks.subscribedTo(subject.get().type(), event.getTimestamp());
        if (subscribed.isEmpty()) {
            return;
        }
        String body = body(subject.get(), payload, event);
        long position = token == null ? 0 : token.position().orElse(0);
        for (WebhookDirectory.Registration webhook : subscribed) {
            deliveries.enqueue(webhook.webhookId(), event.getIdentifier(), subject.get().type(),
                    subject.get().credentialId(), position, body, clock.instant());
        }
    }

    static Optional<Subject> subjectOf(Object payload) {
        return Optional.ofNullable(switch (payload) {
            case CredentialEvent change -> subjectOf(change);
            case EffectiveRightsChanged e ->
                    new Subject(WebhookEventTypes.RIGHTS_CHANGED, e.credentialId(), e.kind(), e.ownerId());
            case AccessRefused e -> new Subject(WebhookEventTypes.REFUSED, e.credentialId(), e.kind(), e.identityId());
            default -> null;
        });
    }

    /** What a webhook hears of each credential event; null for those it does not (changes, usage, token revocations). */
    private static Subject subjectOf(CredentialEvent change) {
        return switch (change) {
            case ApiClientCreated e ->
                    new Subject(WebhookEventTypes.CREATED, e.clientId(), CredentialKind.API_CLIENT, e.ownerId());
            case PersonalAccessTokenCreated e -> new Subject(WebhookEventTypes.CREATED, e.tokenId(),
                    CredentialKind.PERSONAL_ACCESS_TOKEN, e.ownerId());
            case CredentialDeleted e -> new Subject(WebhookEventTypes.DELETED, e.credentialId(), e.kind(), e.ownerId());
            case SecretRotated e -> new Subject(WebhookEventTypes.ROTATED, e.credentialId(), e.kind(), e.ownerId());
            case CredentialExpiringSoon e ->
                    new Subject(WebhookEventTypes.EXPIRING, e.credentialId(), e.kind(), e.ownerId());
            case CredentialExpired e -> new Subject(WebhookEventTypes.EXPIRED, e.credentialId(), e.kind(), e.ownerId());
            case CredentialLeaked e -> new Subject(WebhookEventTypes.LEAKED, e.credentialId(), e.kind(), e.ownerId());
            case ApiClientUpdated _, PersonalAccessTokenUpdated _, CredentialUsed _, CredentialUnusedWarning _,
                 AccessTokenRevoked _, RefreshTokenFamilyRevoked _ -> null;
        };
    }

    /** The delivery's body: the event's identity, type, time, credential and actor, and its fields less secrets. */
    static String body(Subject subject, Object payload, EventMessage<?> event) {
        ObjectNode data = JSON.valueToTree(payload);
        data.properties().removeIf(field -> field.getKey().toLowerCase(Locale.ROOT).contains("secret"));
        ObjectNode body = JSON.createObjectNode()
                .put("id", event.getIdentifier())
                .put("type", subject.type())
                .put("occurredAt", event.getTimestamp().toString())
                .put("credentialId", subject.credentialId())
                .put("credentialKind", subject.kind() == CredentialKind.API_CLIENT ? "OAUTH_CLIENT"
                        : "PERSONAL_ACCESS_TOKEN")
                .put("ownerId", subject.ownerId());
        Object actor = event.getMetaData().get(AuditMetadata.ACTOR_ID);
        body.put("actorId", actor == null ? null : actor.toString());
        body.put("event", payload.getClass().getSimpleName());
        body.set("data", data);
        return body.toString();
    }
}
