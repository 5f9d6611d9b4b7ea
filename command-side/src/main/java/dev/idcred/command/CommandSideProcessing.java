package dev.idcred.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation on every command, the credential directory kept by a subscribing processor whose failures fail
 * the command (so the directory never drifts from the log), and scheduled work such as tenant-access expiry.
 */
@Configuration
class CommandSideProcessing {

    @Autowired
    void validateCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>());
    }

    @Autowired
    void keepDirectoryInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(CommandSideConfiguration.DIRECTORY_GROUP)
                .registerListenerInvocationErrorHandler(CommandSideConfiguration.DIRECTORY_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
