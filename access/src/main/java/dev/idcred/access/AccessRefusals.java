package dev.idcred.access;

import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.token.AccessRefused;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Writes every call refused by a network rule into the event log, as an {@link AccessRefused} event acted by the
 * credential's owner, so the audit trail shows it next to the credential's own events. Either side may refuse a
 * call, so either side appends it; it changes no aggregate.
 */
@Component
public class AccessRefusals {

    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);

    private final EventBus events;
    private final Clock clock = Clock.systemUTC();

    public AccessRefusals(EventBus events) {
        this.events = events;
    }

    public void record(String credentialId, CredentialKind kind, String identityId, ClientOrigin origin,
                       String reason, String request) {
        log.warn("Refused {} from {}: {}", credentialId, origin, reason);
        var refusal = new AccessRefused(credentialId, kind, identityId, origin.address(), origin.country(), reason,
                request, clock.instant());
        events.publish(GenericEventMessage.asEventMessage(refusal)
                .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, identityId)));
    }
}
