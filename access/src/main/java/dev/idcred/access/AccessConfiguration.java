package dev.idcred.access;

import dev.idcred.access.audit.AuditIndex;
import dev.idcred.access.catalogue.CatalogueProperties;
import dev.idcred.access.catalogue.RightsCatalogueFile;
import dev.idcred.access.gate.CallerArgumentResolver;
import dev.idcred.access.http.JsonErrorReportValve;
import dev.idcred.access.network.NetworkProperties;
import dev.idcred.access.tenant.TenantProperties;
import dev.idcred.shared.common.MovedEventTypes;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.CredentialPolicy;
import org.apache.catalina.core.StandardHost;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What both sides share: the clock, the rights catalogue, the caller as a controller parameter, Tomcat's own refusals
 * in the API's error body, scheduled work, and the audit index written in the transaction of every event either side
 * appends.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({CatalogueProperties.class, NetworkProperties.class, TenantProperties.class})
public class AccessConfiguration implements WebMvcConfigurer {

    /** Events written before the sealed event hierarchies moved them stay readable; Axon chains every upcaster bean. */
    @Bean
    MovedEventTypes movedEventTypes() {
        return new MovedEventTypes();
    }

    /**
     * Milliseconds, the precision the v3 API shows, so a command's response and later reads agree. For drills of the
     * time-based rules (expiry, disuse), {@code credentials.clock.offset} (ISO-8601, such as {@code P8D}) runs this
     * instance's clock ahead; it is logged loudly, and off by default.
     */
    @Bean
    static Clock clock(Environment environment) {
        Duration offset = Binder.get(environment).bind("credentials.clock.offset", Duration.class)
                .orElse(Duration.ZERO);
        if (!offset.isZero()) {
            LoggerFactory.getLogger(AccessConfiguration.class).warn(
                    "This instance's clock runs {} ahead of the system clock (credentials.clock.offset)", offset);
        }
        return Clock.offset(Clock.tickMillis(ZoneOffset.UTC), offset);
    }

    @Bean
    RightsCatalogue rightsCatalogue(CatalogueProperties properties) throws IOException {
        return RightsCatalogueFile.load(properties.rightsCatalogue());
    }

    /** Who may do what to whose credential and levels: asked by the command handlers and the query side alike. */
    @Bean
    CredentialPolicy credentialPolicy(RightsCatalogue catalogue) {
        return new CredentialPolicy(catalogue);
    }

    @Bean
    TenantPolicy tenantPolicy(TenantProperties tenant) {
        return tenant.policy();
    }

    /** Tomcat reports what it refuses on its own with the API's error body (see {@link JsonErrorReportValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** The audit index is written in the appending transaction; a failure to write it fails the append. */
    @Autowired
    void indexEveryEventInItsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(AuditIndex.GROUP)
                .registerListenerInvocationErrorHandler(AuditIndex.GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
