package dev.idcred.launcher.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** VA keys come and go with their virtual appliance, never through the API-client endpoints. */
class VirtualApplianceIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    private JsonNode clientRow(String clientId) {
        return api.get("/v3/oauth-clients/" + clientId, admin).expect(200).body();
    }

    @Test
    void creatingAnApplianceCreatesItsKeyWithTypeVa() {
        Api.Response appliance = api.post("/v3/virtual-appliances", admin, Map.of("name", "va-east")).expect(200);
        String keyId = appliance.field("clientId");
        assertThat(appliance.field("secret")).isNotBlank();
        api.token(keyId, appliance.field("secret"));
        await().untilAsserted(() -> assertThat(clientRow(keyId).path("keyType").asText()).isEqualTo("VA"));
    }

    @Test
    void vaKeyCannotBeDeletedOnTheApiClientEndpoints() {
        Api.Response appliance = api.post("/v3/virtual-appliances", admin, Map.of("name", "va-west")).expect(200);
        Api.Response refused = api.delete("/v3/oauth-clients/" + appliance.field("clientId"), admin).expect(400);
        assertThat(refused.field("detailCode")).isEqualTo("400.1.4 Virtual appliance key");
        api.token(appliance.field("clientId"), appliance.field("secret"));
    }

    @Test
    void vaKeyCannotBeCreatedOnTheApiClientEndpoints() {
        Map<String, Object> body = Api.clientBody("fake va key");
        body.put("keyType", "VA");
        api.post("/v3/oauth-clients", admin, body).expect(400);
    }

    @Test
    void deletingTheApplianceRemovesItsKey() {
        Api.Response appliance = api.post("/v3/virtual-appliances", admin, Map.of("name", "va-north")).expect(200);
        String keyId = appliance.field("clientId");

        api.delete("/v3/virtual-appliances/" + appliance.field("id"), admin).expect(204);

        api.tokenRequest(keyId, appliance.field("secret")).expect(401);
        await().untilAsserted(() -> api.get("/v3/oauth-clients/" + keyId, admin).expect(404));
        await().untilAsserted(() -> assertThat(api.get("/v3/virtual-appliances", admin).expect(200).text())
                .doesNotContain(appliance.field("id")));
        api.delete("/v3/virtual-appliances/" + appliance.field("id"), admin).expect(404);
    }
}
