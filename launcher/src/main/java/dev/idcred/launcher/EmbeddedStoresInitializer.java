package dev.idcred.launcher;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The one-process service's default: unless {@code POSTGRES_URL} / {@code MONGODB_URI} name external servers, starts
 * the {@link EmbeddedStores} under {@code DATA_DIR} and points the service at them. They start on their own thread
 * while the application context is built (their ports are chosen first, so their URLs are known at once); the data
 * source waits for them before its first connection. They are registered before every other bean, so they are stopped
 * after all of them: the web server has drained its requests and the processors have stopped before the stores go.
 * With {@code credentials.embedded.ephemeral=true} (tests) the data lives in a fresh temporary directory.
 */
final class EmbeddedStoresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        Path dataDir = dataDir(environment, properties);
        String postgresUrl = environment.getProperty("credentials.postgres.url", "");
        String mongoUri = environment.getProperty("credentials.mongodb.uri", "");
        boolean withPostgres = postgresUrl.isBlank();
        boolean withMongo = mongoUri.isBlank();
        int postgresPort = withPostgres ? portOf(environment, "credentials.embedded.postgres-port") : 0;
        int mongoPort = withMongo ? portOf(environment, "credentials.embedded.mongodb-port") : 0;
        CompletableFuture<EmbeddedStores> stores = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                stores.complete(EmbeddedStores.start(dataDir, withPostgres, postgresPort, withMongo, mongoPort));
            } catch (RuntimeException | Error e) {
                stores.completeExceptionally(e);
            }
        }, "embedded-stores-start");
        starter.start();
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        ((DefaultSingletonBeanRegistry) beans).registerDisposableBean("embeddedStores", () -> {
            if (!stores.isCompletedExceptionally()) {
                stores.join().close();
            }
        });
        beans.addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof DataSource) {
                    stores.join();
                }
                return bean;
            }
        });
        if (withPostgres) {
            properties.put("spring.datasource.url", EmbeddedStores.postgresJdbcUrl(postgresPort));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", postgresUrl);
        }
        if (withMongo) {
            properties.put("credentials.mongodb.uri", EmbeddedStores.mongoUri(mongoPort));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedStores", properties));
    }

    /** The configured port, or a free one now, so the store's URL is known before the store has started. */
    private static int portOf(ConfigurableEnvironment environment, String property) {
        int configured = environment.getProperty(property, Integer.class, 0);
        if (configured > 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
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
