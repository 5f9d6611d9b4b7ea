package dev.idcred.launcher.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without bootstrap credentials, the first start makes an admin client and writes its secret once, owner-only. With
 * them, a deleted bootstrap client stays deleted and the service still starts; weak secrets do not start it at all.
 */
class BootstrapIT {

    @Test
    void aDeletedBootstrapClientStaysDeletedAndTheServiceStillStartsWithTheSameVariables() {
        Path dataDir = RunningService.newDataDir();
        try (RunningService service = RunningService.start(dataDir)) {
            Api api = service.api();
            api.delete("/v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID, api.adminToken()).expect(204);
        }
        try (RunningService restarted = RunningService.start(dataDir)) {
            restarted.api().tokenRequest(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET)
                    .expect(401);
            assertThat(RunningService.logsOfThisRun())
                    .contains("The bootstrap admin client " + RunningService.ADMIN_CLIENT_ID + " was deleted")
                    .doesNotContainPattern("\\\\x[0-9a-f]{16}")
                    .doesNotContain("EventStoreException");
        }
    }

    @Test
    void aWeakBootstrapSecretOrPepperStopsTheStartWithAReason() {
        assertThatThrownBy(() -> RunningService.startWithoutBootstrapCredentials(RunningService.newDataDir(),
                "--credentials.bootstrap.client-id=admin", "--credentials.bootstrap.client-secret=short"))
                .hasStackTraceContaining("BOOTSTRAP_CLIENT_SECRET must have at least 24 characters");
        assertThatThrownBy(() -> RunningService.start(RunningService.newDataDir(),
                "--credentials.secret-pepper=c2hvcnQ="))
                .hasStackTraceContaining("SECRET_PEPPER must be the base64 of at least 32 random bytes");
    }

    @Test
    void theKeysDirectoryIsTheOwnersAlone() throws Exception {
        Path keys = RunningService.shared().dataDir().resolve("keys");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    }

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
