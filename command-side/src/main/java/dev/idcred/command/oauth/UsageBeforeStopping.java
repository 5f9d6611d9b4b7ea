package dev.idcred.command.oauth;

import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Before a command that deletes or stops a credential is sent, the usage this instance still holds of it is recorded:
 * a credential deleted right after a burst of tokens (a leak, say) keeps that burst in its log.
 */
@Component
class UsageBeforeStopping implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final UsageRecorder usage;

    UsageBeforeStopping(UsageRecorder usage) {
        this.usage = usage;
    }

    @Autowired
    void interceptCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Object payload = command.getPayload();
            if (payload instanceof DeletePersonalAccessToken delete) {
                usage.recordPendingOf(delete.tokenId());
            } else if (payload instanceof DeleteApiClient delete) {
                usage.recordPendingOf(delete.clientId());
            } else if (payload instanceof ReportLeak leak) {
                usage.recordPendingOf(leak.credentialId());
            }
            return command;
        };
    }
}
