package dev.idcred.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side as its own service: configuration in {@code command-side.yml}. */
@SpringBootApplication(scanBasePackages = {"dev.idcred.command", "dev.idcred.access"})
public class CommandSideApplication {

    public static void main(String[] args) {
        try {
            new SpringApplicationBuilder(CommandSideApplication.class)
                    .properties("spring.config.name=command-side")
                    .run(args);
        } catch (RuntimeException e) {
            // Spring has logged why; a failed start must not leave a JVM that listens on nothing.
            System.exit(1);
        }
    }
}
