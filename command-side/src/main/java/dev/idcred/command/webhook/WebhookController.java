package dev.idcred.command.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.webhook.ChangeWebhook;
import dev.idcred.shared.webhook.DeleteWebhook;
import dev.idcred.shared.webhook.RegisterWebhook;
import dev.idcred.shared.webhook.RequestWebhookRedelivery;
import dev.idcred.shared.webhook.RotateWebhookSecret;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v3/webhooks}: register an HTTPS endpoint for credential events (its signing secret is in the answer, once),
 * list, change, rotate the secret, remove; read a webhook's delivery log and ask for a delivery again. Rights
 * {@code idn:webhooks:read} and {@code idn:webhooks:manage}. Served by the command side, which keeps the outbox.
 */
@RestController
@RequestMapping("/v3/webhooks")
class WebhookController {

    record WebhookRequest(String url, List<String> eventTypes, String description) {
    }

    record WebhookView(String id, String url, List<String> eventTypes, String description, boolean enabled,
                       Instant created, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
        static WebhookView of(WebhookDirectory.Registration webhook, String secret) {
            return new WebhookView(webhook.webhookId(), webhook.url(), webhook.eventTypes(), webhook.description(),
                    webhook.enabled(), webhook.registeredAt(), secret);
        }
    }

    record SecretView(String id, String secret) {
    }

    record DeliveryView(long id, String eventId, String eventType, String credentialId, String status, int attempts,
                        Instant queuedAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode,
                        String lastError, Instant deliveredAt) {
        static DeliveryView of(WebhookDeliveries.Delivery d) {
            return new DeliveryView(d.deliveryId(), d.eventId(), d.eventType(), d.credentialId(), d.status().name(),
                    d.attempts(), d.queuedAt(), d.status() == WebhookDeliveries.Status.PENDING ? d.nextAttemptAt()
                    : null, d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), d.deliveredAt());
        }
    }

    private final Commands commands;
    private final WebhookDirectory webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookSigning signing;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookController(Commands commands, WebhookDirectory webhooks, WebhookDeliveries deliveries,
                      WebhookSigning signing, WebhookProperties properties, Clock clock) {
        this.commands = commands;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.signing = signing;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    WebhookView register(@RequestBody WebhookRequest request, Caller caller) {
        if (webhooks.count() >= properties.maxWebhooks()) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "A tenant can have at most " + properties.maxWebhooks() + " webhooks");
        }
        String id = Ids.next();
        String salt = signing.newSalt();
        commands.send(new RegisterWebhook(id, request.url(), request.eventTypes(), request.description(), salt),
                caller);
        return WebhookView.of(existing(id), signing.secretOf(id, salt));
    }

    @GetMapping
    List<WebhookView> list() {
        return webhooks.all().stream().map(webhook -> WebhookView.of(webhook, null)).toList();
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable String id) {
        return WebhookView.of(existing(id), null);
    }

    @PatchMapping("/{id}")
    WebhookView change(@PathVariable String id, @RequestBody List<PatchOperation> patch, Caller caller) {
        existing(id);
        commands.send(new ChangeWebhook(id, patch), caller);
        return WebhookView.of(existing(id), null);
    }

    /** A new signing secret, shown this once; deliveries are signed with it from now on. */
    @PostMapping("/{id}/secret")
    SecretView rotateSecret(@PathVariable String id, Caller caller) {
        existing(id);
        String salt = signing.newSalt();
        commands.send(new RotateWebhookSecret(id, salt), caller);
        return new SecretView(id, signing.secretOf(id, salt));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        existing(id);
        commands.send(new DeleteWebhook(id), caller);
    }

    /** The delivery log, newest first; {@code X-Total-Count} with {@code count=true}. */
    @GetMapping("/{id}/deliveries")
    ResponseEntity<List<DeliveryView>> deliveries(@PathVariable String id,
                                                  @RequestParam(required = false) Integer limit,
                                                  @RequestParam(required = false) Integer offset,
                                                  @RequestParam(required = false) Boolean count) {
        existing(id);
        int pageLimit = limit == null ? PageRequest.MAX_LIMIT : limit;
        int pageOffset = offset == null ? 0 : offset;
        if (pageLimit < 0 || pageLimit > PageRequest.MAX_LIMIT || pageOffset < 0) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "limit must be 0 to " + PageRequest.MAX_LIMIT + " and offset at least 0");
        }
        HttpHeaders headers = new HttpHeaders();
        if (Boolean.TRUE.equals(count)) {
            headers.add("X-Total-Count", String.valueOf(deliveries.count(id)));
        }
        return ResponseEntity.ok().headers(headers).body(deliveries.log(id, pageLimit, pageOffset).stream()
                .map(DeliveryView::of).toList());
    }

    /** Delivers again, now, with a fresh day of retries. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView redeliver(@PathVariable String id, @PathVariable long deliveryId, Caller caller) {
        existing(id);
        WebhookDeliveries.Delivery delivery = deliveries.redeliver(id, deliveryId, clock.instant())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such delivery: " + deliveryId));
        commands.send(new RequestWebhookRedelivery(id, deliveryId), caller);
        return DeliveryView.of(delivery);
    }

    private WebhookDirectory.Registration existing(String id) {
        return webhooks.find(id).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such webhook: " + id));
    }
}
