package dev.idcred.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole credential service in one process: the command side and the query side over shared stores. */
@SpringBootApplication(scanBasePackages = "dev.idcred")
public class CredentialServiceApplication {

    /** Axon Framework's update checker would report to its vendor over the network; this service never does. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(CredentialServiceApplication.class, args);
    }
}
