package dev.idcred.launcher.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator watches: readiness of every store and processor, Prometheus metrics, tracking ids in the log. */
class OperationsIT {

    private final RunningService service = RunningService.shared();
    private final Api api = service.api();

    @Test
    void readinessCoversPostgresMongoAndProcessorLag() {
        JsonNode readiness = api.get("/actuator/health/readiness", null).expect(200).body();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        JsonNode components = readiness.path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("mongo").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("processors").path("details").has("personal-access-tokens")).isTrue();
        api.get("/actuator/health/liveness", null).expect(200);
    }

    @Test
    void prometheusNeedsTheMetricsRightAndShowsCommandsTokensLagAndHttpLatency() {
        String admin = api.adminToken();
        api.post("/v3/oauth-clients", admin, Api.clientBody("metered")).expect(200);
        api.tokenRequest(RunningService.ADMIN_CLIENT_ID, "wrong").expect(401);

        api.get("/actuator/prometheus", null).expect(401);
        await().untilAsserted(() -> assertThat(api.get("/actuator/prometheus", admin).expect(200).text())
                .contains("commandBus_successCounter_total{payloadType=\"CreateApiClient\"}")
                .contains("commandBus_failureCounter_total{payloadType=\"CreateApiClient\"}")
                .contains("credentials_tokens_issued_total{credential_kind=\"API_CLIENT\"}")
                .contains("credentials_tokens_refused_total{error=\"invalid_client\"}")
                .contains("credentials_processor_lag_events{processing_group=\"effective-scopes\"}")
                .contains("credentials_rebuild_events_done_events")
                .contains("http_server_requests_seconds_bucket"));
    }

    @Test
    void errorBodysTrackingIdIsInTheResponseHeaderAndTheLog() {
        String admin = api.adminToken();
        Api.Response refused = api.post("/v3/oauth-clients", admin, Map.of("name", "")).expect(400);
        String trackingId = refused.field("trackingId");
        assertThat(refused.headers().firstValue("X-Tracking-Id")).hasValue(trackingId);
        await().untilAsserted(() -> assertThat(RunningService.logsOfThisRun())
                .contains("[" + trackingId + "] credentials.access")
                .contains("POST /v3/oauth-clients 400"));
    }
}
