package dev.idcred.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How webhooks are delivered ({@code credentials.webhooks.*}).
 *
 * @param allowLoopback    accept {@code http://} endpoints on a loopback address (tests and local receivers only;
 *                         {@code WEBHOOKS_ALLOW_LOOPBACK}); private, link-local and other internal addresses are
 *                         refused either way
 * @param timeout          how long one delivery attempt may take, connection and answer together
 * @param retryFor         how long a delivery is retried before it is given up
 * @param firstRetry       the wait before the first retry; each later wait doubles, up to {@code maxRetryWait}
 * @param maxRetryWait     the longest wait between two attempts
 * @param dispatchInterval how often due deliveries are looked for
 * @param maxWebhooks      how many webhooks a tenant may register
 */
@ConfigurationProperties("credentials.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowLoopback,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue("1d") Duration retryFor,
                                @DefaultValue("10s") Duration firstRetry,
                                @DefaultValue("1h") Duration maxRetryWait,
                                @DefaultValue("500ms") Duration dispatchInterval,
                                @DefaultValue("50") int maxWebhooks) {

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration retryWaitAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetryWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
    }
}
