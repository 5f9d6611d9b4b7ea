package dev.idcred.query.support;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/** Asks a typed query through the query gateway and waits for its answer. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Optional<R> one(Object query, Class<R> type) {
        return join(() -> gateway.query(query, ResponseTypes.optionalInstanceOf(type)).join());
    }

    public <P extends ResultPage<?>> P page(Object query, Class<P> type) {
        return join(() -> gateway.query(query, ResponseTypes.instanceOf(type)).join());
    }

    private static <R> R join(java.util.function.Supplier<R> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
