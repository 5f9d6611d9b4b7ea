package dev.idcred.launcher;

import dev.idcred.command.CommandSideApplication;
import dev.idcred.command.evidence.ExportVerifier;
import dev.idcred.console.ConsoleApplication;
import dev.idcred.query.QuerySideApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Arrays;

/**
 * The credential service. With no mode, the whole service in one process: both sides over the embedded stores (or
 * external ones). The other modes run one part each, for the production topology without containers:
 * {@code stores} (the embedded PostgreSQL and MongoDB wire-protocol server alone, on fixed ports, for several side
 * processes to share), {@code command-side}, {@code query-side} and {@code console}. And one that starts nothing:
 * {@code verify-export FILE [--keys JWKS]} checks an audit export ({@link ExportVerifier}).
 */
@SpringBootApplication(scanBasePackages = "dev.idcred")
public class CredentialServiceApplication {

    public static void main(String[] args) {
        String mode = args.length > 0 && !args[0].startsWith("-") ? args[0] : "all";
        String[] rest = mode.equals("all") ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (mode) {
                case "all" -> builder().run(rest);
                case "stores" -> StoresOnly.main(rest);
                case "command-side" -> CommandSideApplication.main(rest);
                case "query-side" -> QuerySideApplication.main(rest);
                case "console" -> ConsoleApplication.main(rest);
                case "verify-export" -> ExportVerifier.main(rest);
                default -> {
                    System.err.println("Unknown mode '" + mode + "': run with no mode, or stores, command-side,"
                            + " query-side, console or verify-export");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            // Spring has logged why; a failed start must not leave a JVM that listens on nothing.
            System.exit(1);
        }
    }

    /** The one-process service, as {@code ./run.sh} and the tests start it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CredentialServiceApplication.class)
                .initializers(new EmbeddedStoresInitializer(), new ConsoleForwardingKey());
    }
}
