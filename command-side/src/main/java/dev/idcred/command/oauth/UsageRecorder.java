package dev.idcred.command.oauth;

import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.RecordUsage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns token issuances into usage, coalesced before the command bus: at most one {@link RecordUsage} per
 * credential per minute from this instance, however many tokens it obtains. The aggregate drops a second use
 * within a recorded minute too, so several instances still write one event per minute.
 */
@Component
class UsageRecorder {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private final CommandGateway commands;
    private final Map<String, Long> lastRecordedMinute = new ConcurrentHashMap<>();

    UsageRecorder(CommandGateway commands) {
        this.commands = commands;
    }

    void used(String credentialId, CredentialKind kind, Instant usedAt) {
        long minute = usedAt.getEpochSecond() / 60;
        if (Objects.equals(lastRecordedMinute.put(credentialId, minute), minute)) {
            return;
        }
        commands.send(GenericCommandMessage.asCommandMessage(new RecordUsage(credentialId, kind, usedAt))
                        .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM)))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        lastRecordedMinute.remove(credentialId, minute);
                        log.debug("Usage of {} not recorded: {}", credentialId, failure.toString());
                    }
                });
    }
}
