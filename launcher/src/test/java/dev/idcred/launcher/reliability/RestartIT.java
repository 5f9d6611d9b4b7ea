package dev.idcred.launcher.reliability;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Everything lives under DATA_DIR: after a restart every credential is there and every secret still works. */
class RestartIT {

    @Test
    void restartKeepsEveryCredentialAndEverySecretStillWorks() {
        Path dataDir = RunningService.newDataDir();
        String patId;
        String patSecret;
        String clientId;
        String clientSecret;
        try (RunningService first = RunningService.start(dataDir)) {
            Api api = first.api();
            String admin = api.adminToken();
            String owner = api.createIdentity(admin, "Survivor", "USER", "HELPDESK");
            Api.Response pat = api.createPat(admin, owner, "survives restarts", List.of("sp:scopes:all")).expect(200);
            Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("survivor")).expect(200);
            patId = pat.field("id");
            patSecret = pat.field("secret");
            clientId = client.field("id");
            clientSecret = client.field("secret");
            await().untilAsserted(() -> api.get("/v3/oauth-clients/" + clientId, admin).expect(200));
        }

        try (RunningService second = RunningService.start(dataDir)) {
            Api api = second.api();
            String admin = api.adminToken();
            Api.Response patToken = api.tokenRequest(patId, patSecret).expect(200);
            assertThat(patToken.field("scope")).contains("idn:identities:read");
            api.token(clientId, clientSecret);
            api.get("/v3/oauth-clients/" + clientId, admin).expect(200);
            assertThat(api.get("/v3/oauth-clients?count=true", admin).expect(200).text())
                    .containsOnlyOnce(RunningService.ADMIN_CLIENT_ID);
        }
    }
}
