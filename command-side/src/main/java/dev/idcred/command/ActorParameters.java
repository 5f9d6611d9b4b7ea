package dev.idcred.command;

import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.policy.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Gives a command handler's {@link Actor} parameter the actor its command was sent for ({@link Commands}). A command
 * sent without one (by the token endpoint, for a credential acting by itself) is handled for an actor that holds no
 * right: a missing actor never grants anything. Registered through {@code META-INF/services}, so Axon's
 * annotated handlers of every kind find it.
 */
public class ActorParameters implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return message.getMetaData().get(Commands.ACTOR) instanceof Actor actor ? actor
                        : Actor.unknown(String.valueOf(message.getMetaData().get(AuditMetadata.ACTOR_ID)));
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
