package dev.idcred.command.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Delivers the outbox: every {@code dispatch-interval}, claims due deliveries (the earliest pending one of each
 * webhook and credential) and POSTs each, signed, to its webhook. A 2xx answer delivers it; anything else (another
 * status, the deadline passed, a refused connection, a target that now resolves inside) is retried after a wait that
 * doubles from {@code first-retry} up to {@code max-retry-wait}, for {@code retry-for} from when it was queued, then
 * given up. At least once: a delivery whose answer is lost is sent again, with the same {@code X-Idcred-Delivery} id,
 * so a receiver can drop repeats. Several instances share the outbox; a claim keeps two from sending the same one.
 *
 * <p>No receiver can hold up the others: each delivery runs on a virtual thread of its own under a deadline
 * ({@code timeout}) over the whole exchange, enforced by cancelling it, however slowly the receiver answers; the
 * body of the answer is never read. An instance sends at most {@value #MAX_IN_FLIGHT} deliveries at once and at most
 * {@value #MAX_IN_FLIGHT_PER_WEBHOOK} to one webhook, and claims only what it can send now, so nothing queues in
 * memory and a claim (held {@link WebhookDeliveries#CLAIM}) outlasts the delivery it covers. Connections go only to
 * the addresses {@link WebhookTargets#resolve} checked, with TLS verifying the webhook's host name.
 */
@Component
class WebhookDispatcher implements SchedulingConfigurer, SmartLifecycle {

    static final int MAX_IN_FLIGHT = 32;
    static final int MAX_IN_FLIGHT_PER_WEBHOOK = 2;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookDirectory webhooks;
    private final WebhookSigning signing;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CloseableHttpClient http;
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private final Map<String, Integer> sendingTo = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-sender-", 0).factory());
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
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
        this.http = client(targets, properties.timeout());
    }

    /** A client that resolves only through the target rules, follows no redirect, retries nothing, uses no proxy. */
    private static CloseableHttpClient client(WebhookTargets targets, Duration timeout) {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return targets.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(checked)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(timeout))
                        .setSocketTimeout(Timeout.of(timeout)).build())
                .setMaxConnTotal(MAX_IN_FLIGHT)
                .setMaxConnPerRoute(MAX_IN_FLIGHT_PER_WEBHOOK)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                        .setConnectionRequestTimeout(Timeout.of(timeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("idcred-webhooks/1")
                .build();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::dispatchDue, properties.dispatchInterval());
    }

    /** Claims as many due deliveries as there are free slots, and starts each; waits for none of them. */
    void dispatchDue() {
        int free = slots.availablePermits();
        if (!running || free == 0) {
            return;
        }
        Set<String> busy = sendingTo.entrySet().stream().filter(e -> e.getValue() >= MAX_IN_FLIGHT_PER_WEBHOOK)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<WebhookDeliveries.Delivery> due;
        try {
            due = deliveries.claimDue(clock.instant(), free, busy);
        } catch (RuntimeException e) {
            log.warn("Could not claim webhook deliveries: {}", e.toString());
            return;
        }
        for (WebhookDeliveries.Delivery delivery : due) {
            if (!running || !reserve(delivery.webhookId())) {
                deliveries.release(delivery.deliveryId());
                continue;
            }
            senders.execute(() -> {
                try {
                    deliver(delivery);
                } catch (RuntimeException e) {
                    log.warn("Webhook delivery {} could not be recorded: {}", delivery.deliveryId(), e.toString());
                } finally {
                    sendingTo.compute(delivery.webhookId(), (id, n) -> n == null || n <= 1 ? null : n - 1);
                    slots.release();
                }
            });
        }
    }

    /** A slot of the instance's and one of the webhook's, or none. */
    private boolean reserve(String webhookId) {
        if (!slots.tryAcquire()) {
            return false;
        }
        boolean[] reserved = {false};
        sendingTo.compute(webhookId, (id, n) -> {
            int sending = n == null ? 0 : n;
            reserved[0] = sending < MAX_IN_FLIGHT_PER_WEBHOOK;
            return reserved[0] ? sending + 1 : sending;
        });
        if (!reserved[0]) {
            slots.release();
        }
        return reserved[0];
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
        HttpPost post = null;
        try {
            URI target = targets.parse(webhook.get().url());
            long timestamp = now.getEpochSecond();
            String secret = signing.secretOf(webhook.get().webhookId(), webhook.get().secretSalt());
            post = new HttpPost(target);
            post.setHeader("X-Idcred-Delivery", String.valueOf(delivery.deliveryId()));
            post.setHeader("X-Idcred-Event", delivery.eventType());
            post.setHeader(WebhookSigning.TIMESTAMP_HEADER, String.valueOf(timestamp));
            post.setHeader(WebhookSigning.SIGNATURE_HEADER,
                    WebhookSigning.signature(secret, delivery.deliveryId(), timestamp, delivery.payload()));
            post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
            status = send(post);
            if (status >= 200 && status < 300) {
                deliveries.delivered(delivery.deliveryId(), status, clock.instant());
                meters.counter("credentials.webhooks.deliveries", "outcome", "delivered").increment();
                return;
            }
            error = "The endpoint answered " + status;
        } catch (IOException e) {
            error = post != null && post.isCancelled()
                    ? "No answer within " + properties.timeout().toMillis() + " ms"
                    : e instanceof UnknownHostException ? e.getMessage() : e.getClass().getSimpleName();
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

    /**
     * The status of the answer, within the deadline or not at all: past it, the exchange is cancelled wherever it is
     * (connecting, sending, waiting for or reading the headers). The body of the answer is never read.
     */
    private int send(HttpPost post) throws IOException {
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, properties.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(null, post, HttpClientContext.create());
            int status = response.getCode();
            // Closing the answer would read its body to the end, however slowly it comes: drop the connection first.
            post.cancel();
            try {
                response.close();
            } catch (IOException dropped) {
                log.trace("The connection of a delivery answered {} was dropped", status);
            }
            return status;
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadlines.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            log.debug("Closing the webhook client: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
