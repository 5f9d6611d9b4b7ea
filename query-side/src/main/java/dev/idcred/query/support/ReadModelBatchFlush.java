package dev.idcred.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a processor batch's documents once its last event has been handled: inside the handling phase, so before
 * the processor stores its token when the batch commits (a token must never be ahead of the documents it covers).
 * A batch that fails is rolled back and its documents are never written.
 */
public final class ReadModelBatchFlush implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        UnitOfWork<?> root = unitOfWork.root();
        if (!(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            ReadModelBatch.flush(root);
        }
        return result;
    }
}
