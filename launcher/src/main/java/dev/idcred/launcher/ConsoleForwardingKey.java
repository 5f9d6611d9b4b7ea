package dev.idcred.launcher;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * In the one-process service the console and the API it calls share a forwarding key made at each start (unless
 * {@code CONSOLE_FORWARDING_KEY} names one), so the address the console passes on is believed and a person's sign-ins
 * count against the person's address. It never leaves the process.
 */
final class ConsoleForwardingKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY = "credentials.network.console-forwarding-key";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty(PROPERTY, "").isBlank()) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        environment.getPropertySources().addFirst(new MapPropertySource("consoleForwardingKey",
                Map.of(PROPERTY, HexFormat.of().formatHex(key))));
    }
}
