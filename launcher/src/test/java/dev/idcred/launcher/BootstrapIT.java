package dev.idcred.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Without bootstrap credentials, the first start makes an admin client and writes its secret once, owner-only. */
class BootstrapIT {

    @Test
    void firstStartWritesAWorkingAdminClientToAnOwnerOnlyFileAndNeverToTheLog() throws Exception {
        Path dataDir = RunningService.newDataDir();
        Path file = dataDir.resolve("bootstrap-client.json");
        String firstContent;
        try (RunningService service = RunningService.startWithoutBootstrapCredentials(dataDir)) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            firstContent = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode credentials = Api.JSON.readTree(firstContent);
            String secret = credentials.path("client_secret").asText();
            Api.Response token = service.api().tokenRequest(credentials.path("client_id").asText(), secret).expect(200);
            assertThat(token.field("scope")).contains("idn:oauth-clients:manage");
            assertThat(RunningService.logsOfThisRun()).contains("Bootstrap admin client").doesNotContain(secret);
        }
        try (RunningService restarted = RunningService.startWithoutBootstrapCredentials(dataDir)) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(firstContent);
            JsonNode credentials = Api.JSON.readTree(firstContent);
            restarted.api().token(credentials.path("client_id").asText(), credentials.path("client_secret").asText());
        }
    }
}
