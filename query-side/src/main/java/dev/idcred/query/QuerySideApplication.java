package dev.idcred.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side as its own service: configuration in {@code query-side.yml}. */
@SpringBootApplication(scanBasePackages = {"dev.idcred.query", "dev.idcred.access"})
public class QuerySideApplication {

    public static void main(String[] args) {
        try {
            new SpringApplicationBuilder(QuerySideApplication.class)
                    .properties("spring.config.name=query-side")
                    .run(args);
        } catch (RuntimeException e) {
            // Spring has logged why; a failed start must not leave a JVM that listens on nothing.
            System.exit(1);
        }
    }
}
