package dev.idcred.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The console on its own (its container in docker-compose, or {@code ./run.sh console}): pages at {@code /console}
 * over the service's API at {@code CONSOLE_API_URL}; configuration in {@code console.yml}.
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        try {
            new SpringApplicationBuilder(ConsoleApplication.class)
                    .properties("spring.config.name=console")
                    .run(args);
        } catch (RuntimeException e) {
            // Spring has logged why; a failed start must not leave a JVM that listens on nothing.
            System.exit(1);
        }
    }
}
