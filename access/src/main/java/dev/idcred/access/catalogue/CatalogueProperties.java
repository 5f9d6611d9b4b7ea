package dev.idcred.access.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/** Where the rights catalogue is read from: the one in the jar unless {@code credentials.rights-catalogue} names another. */
@ConfigurationProperties("credentials")
public record CatalogueProperties(@DefaultValue("classpath:rights-catalogue.yaml") Resource rightsCatalogue) {
}
