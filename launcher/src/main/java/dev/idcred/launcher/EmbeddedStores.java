package dev.idcred.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded default: unless {@code POSTGRES_URL} / {@code MONGODB_URI} name external servers, starts a real
 * PostgreSQL (zonky's binaries, with fsync and synchronous commit turned back on) and an in-process MongoDB
 * wire-protocol server (H2 file), both keeping their data under {@code DATA_DIR}, and points the service at them.
 * With {@code credentials.embedded.ephemeral=true} (tests) the data lives in a fresh temporary directory.
 */
public class EmbeddedStores implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        Path dataDir = dataDir(environment, properties);
        String postgresUrl = environment.getProperty("credentials.postgres.url", "");
        if (postgresUrl.isBlank()) {
            EmbeddedPostgres postgres = startPostgres(dataDir.resolve("postgres"));
            closeLast(context, "embeddedPostgres", postgres::close);
            properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", postgresUrl);
        }
        if (environment.getProperty("credentials.mongodb.uri", "").isBlank()) {
            MongoServer mongo = new MongoServer(new H2Backend(dataDir.resolve("read-models.mv").toString()));
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress address = mongo.getLocalAddress();
            closeLast(context, "embeddedMongo", mongo::shutdown);
            properties.put("credentials.mongodb.uri",
                    "mongodb://127.0.0.1:" + address.getPort() + "/credentials");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedStores", properties));
    }

    private static Path dataDir(ConfigurableEnvironment environment, Map<String, Object> properties) {
        try {
            Path dataDir;
            if (environment.getProperty("credentials.embedded.ephemeral", Boolean.class, false)) {
                dataDir = Files.createTempDirectory("credential-service-");
                properties.put("credentials.data-dir", dataDir.toString());
            } else {
                dataDir = Path.of(environment.getProperty("credentials.data-dir", "./data"));
            }
            Files.createDirectories(dataDir);
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory", e);
        }
    }

    private static EmbeddedPostgres startPostgres(Path directory) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * Registered before every other bean, so destroyed after all of them: the stores outlive the processors and
     * connections that use them, and a shutdown ends without errors.
     */
    private static void closeLast(ConfigurableApplicationContext context, String name, DisposableBean close) {
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(name, close);
    }
}
