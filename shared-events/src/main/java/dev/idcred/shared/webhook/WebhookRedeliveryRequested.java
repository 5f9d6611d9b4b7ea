package dev.idcred.shared.webhook;

import dev.idcred.shared.common.AboutSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Someone asked for a delivery to be made again; the audit trail lists it under the webhook. */
@Revision("1")
public record WebhookRedeliveryRequested(String webhookId, long deliveryId, Instant requestedAt)
        implements AboutSubject {

    @Override
    public String subjectId() {
        return webhookId;
    }
}
