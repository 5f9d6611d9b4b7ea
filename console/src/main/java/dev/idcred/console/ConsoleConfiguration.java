package dev.idcred.console;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The console's wiring: its properties; its pages, security and API client are components of this package. */
@Configuration
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {

    /** The session cookie: HttpOnly, SameSite=Strict (see console-defaults.yml). */
    public static final String SESSION_COOKIE = "IDCRED_CONSOLE";
}
