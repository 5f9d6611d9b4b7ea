package com.example.credentials.web;

import com.example.credentials.shared.common.RightsCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/** Loads the rights catalogue and lets controllers take the {@link Caller} as a parameter. */
@Configuration
public class WebSupportConfiguration implements WebMvcConfigurer {

    @Bean
    RightsCatalogue rightsCatalogue(@Value("${credentials.rights-catalogue:classpath:rights-catalogue.yaml}")
                                    Resource location) throws IOException {
        return RightsCatalogueFile.load(location);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
