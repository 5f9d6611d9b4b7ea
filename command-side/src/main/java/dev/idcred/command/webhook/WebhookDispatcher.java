package dev.idcred.command.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: every {@code dispatch-interval}, claims the due deliveries (the earliest pending one of each
 * webhook and credential) and POSTs each, signed, to its webhook. A 2xx answer delivers it; anything else (another
 * status, a timeout, a refused connection, a target that now resolves inside) is retried after a wait that doubles
 * from {@code first-retry} up to {@code max-retry-wait}, for {@code retry-for} from when it was queued, then given up.
 * At least once: a delivery whose answer is lost is sent again, with the same {@code X-Idcred-Delivery} id, so a
 * receiver can drop repeats. Several instances share the outbox; a claim keeps two from sending the same delivery.
 */
@Component
class WebhookDispatcher implements SchedulingConfigurer, SmartLifecycle {

    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookDirectory webhooks;
    private final WebhookSigning signing;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookDirectory webhooks, WebhookSigning signing,
                      WebhookTargets targets, WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.signing = signing;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::dispatchDue, properties.dispatchInterval());
    }

    void dispatchDue() {
        if (!running) {
            return;
        }
        List<WebhookDeliveries.Delivery> due;
        try {
            due = deliveries.claimDue(clock.instant(), BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not claim webhook deliveries: {}", e.toString());
            return;
        }
        List<Future<?>> sending = due.stream().<Future<?>>map(d -> senders.submit(() -> deliver(d))).toList();
        for (Future<?> send : sending) {
            try {
                send.get(properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.debug("A webhook delivery did not finish in time: {}", e.toString());
            }
        }
    }

    private void deliver(WebhookDeliveries.Delivery delivery) {
        Optional<WebhookDirectory.Registration> webhook = webhooks.find(delivery.webhookId());
        Instant now = clock.instant();
        if (webhook.isEmpty() || !webhook.get().enabled()) {
            deliveries.failed(delivery.deliveryId(), null, "The webhook is deleted or disabled", now, null);
            return;
        }
        Integer status = null;
        String error;
        try {
            URI target = targets.validate(webhook.get().url());
            long timestamp = now.getEpochSecond();
            String secret = signing.secretOf(webhook.get().webhookId(), webhook.get().secretSalt());
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "idcred-webhooks/1")
                    .header("X-Idcred-Delivery", String.valueOf(delivery.deliveryId()))
                    .header("X-Idcred-Event", delivery.eventType())
                    .header(WebhookSigning.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSigning.SIGNATURE_HEADER,
                            WebhookSigning.signature(secret, timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                deliveries.delivered(delivery.deliveryId(), status, clock.instant());
                meters.counter("credentials.webhooks.deliveries", "outcome", "delivered").increment();
                return;
            }
            error = "The endpoint answered " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Instant failedAt = clock.instant();
        Instant retryAt = failedAt.plus(properties.retryWaitAfter(delivery.attempts() + 1));
        boolean givenUp = retryAt.isAfter(delivery.queuedAt().plus(properties.retryFor()));
        deliveries.failed(delivery.deliveryId(), status, error, failedAt, givenUp ? null : retryAt);
        meters.counter("credentials.webhooks.deliveries", "outcome", givenUp ? "given-up" : "retried").increment();
        log.info("Webhook delivery {} to {} failed ({}); {}", delivery.deliveryId(), delivery.webhookId(), error,
                givenUp ? "given up" : "retried at " + retryAt);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
