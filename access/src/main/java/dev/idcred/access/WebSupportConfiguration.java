package dev.idcred.access;

import dev.idcred.shared.common.RightsCatalogue;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/** Loads the rights catalogue, lets controllers take the {@link Caller} as a parameter, and shapes Tomcat's errors. */
@Configuration
public class WebSupportConfiguration implements WebMvcConfigurer {

    @Bean
    RightsCatalogue rightsCatalogue(@Value("${credentials.rights-catalogue:classpath:rights-catalogue.yaml}")
                                    Resource location) throws IOException {
        return RightsCatalogueFile.load(location);
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

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
