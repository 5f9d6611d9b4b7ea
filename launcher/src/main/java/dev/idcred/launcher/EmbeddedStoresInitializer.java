package dev.idcred.launcher;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-process service's default: unless {@code POSTGRES_URL} / {@code MONGODB_URI} name external servers, starts
 * the {@link EmbeddedStores} under {@code DATA_DIR} and points the service at them. They are registered before every
 * other bean, so they are stopped after all of them: the web server has drained its requests and the processors have
 * stopped before the stores go. With {@code credentials.embedded.ephemeral=true} (tests) the data lives in a fresh
 * temporary directory.
 */
final class EmbeddedStoresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        Path dataDir = dataDir(environment, properties);
        String postgresUrl = environment.getProperty("credentials.postgres.url", "");
        String mongoUri = environment.getProperty("credentials.mongodb.uri", "");
        EmbeddedStores stores = EmbeddedStores.start(dataDir, postgresUrl.isBlank(),
                environment.getProperty("credentials.embedded.postgres-port", Integer.class, 0), mongoUri.isBlank(),
                environment.getProperty("credentials.embedded.mongodb-port", Integer.class, 0));
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("embeddedStores",
                stores::close);
        stores.postgresJdbcUrl().ifPresentOrElse(url -> {
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }, () -> properties.put("spring.datasource.url", postgresUrl));
        stores.mongoUri().ifPresent(uri -> properties.put("credentials.mongodb.uri", uri));
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedStores", properties));
    }

    private static Path dataDir(ConfigurableEnvironment environment, Map<String, Object> properties) {
        try {
            Path dataDir;
            if (environment.getProperty("credentials.embedded.ephemeral", Boolean.class, false)) {
                dataDir = Files.createTempDirectory("credential-service-");
                properties.put("credentials.data-dir", dataDir.toString());
            } else {
                dataDir = Path.of(environment.getRequiredProperty("credentials.data-dir"));
            }
            Files.createDirectories(dataDir);
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory", e);
        }
    }
}
