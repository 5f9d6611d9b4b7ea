package dev.idcred.command.webhook;

import dev.idcred.command.Fixtures;
import dev.idcred.shared.webhook.RequestWebhookRedelivery;
import dev.idcred.shared.webhook.WebhookDeleted;
import dev.idcred.shared.webhook.WebhookRedeliveryRequested;
import dev.idcred.shared.webhook.WebhookRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** A webhook's history: a redelivery someone asked for is an event of the webhook, by whoever asked. */
class WebhookTest {

    private static final WebhookRegistered REGISTERED = new WebhookRegistered("hook-1", "http://127.0.0.1:9/hook",
            List.of("credential.created"), null, "salt", Fixtures.CLOCK.instant());

    private AggregateTestFixture<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhook.class);
        fixture.registerInjectableResource(Fixtures.CLOCK);
        fixture.registerInjectableResource(new WebhookTargets(true));
    }

    @Test
    void aRedeliveryAskedForIsRecordedInTheWebhooksHistory() {
        fixture.given(REGISTERED)
                .when(new RequestWebhookRedelivery("hook-1", 42))
                .expectEvents(new WebhookRedeliveryRequested("hook-1", 42, Fixtures.CLOCK.instant()));
    }

    @Test
    void aDeletedWebhookRecordsNoRedelivery() {
        fixture.given(REGISTERED, new WebhookDeleted("hook-1", Fixtures.CLOCK.instant()))
                .when(new RequestWebhookRedelivery("hook-1", 42))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
