package dev.idcred.launcher.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, webhooks: deliveries to a local receiver, signed with the secret shown once; the receiver killed and
 * brought back, and every delivery arrives (at least once, in log order per credential); a delivery log; a
 * redelivery; and no target inside the network.
 */
class WebhookIT {

    /** One request the receiver got. */
    record Received(String deliveryId, String event, String timestamp, String signature, String body) {
    }

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    /** The shared service keeps running: no webhook of a test outlives it. */
    @AfterEach
    void stopReceiverAndRemoveWebhooks() {
        if (receiver != null) {
            receiver.stop(0);
        }
        api.get("/v3/webhooks", admin).expect(200).body().findValuesAsText("id")
                .forEach(id -> api.delete("/v3/webhooks/" + id, admin).expect(204));
    }

    @Test
    void everyEventArrivesSignedInOrderAcrossAReceiverOutage() {
        int port = startReceiver(0);
        Api.Response webhook = api.post("/v3/webhooks", admin, Map.of("url", "http://127.0.0.1:" + port + "/hook",
                "eventTypes", List.of("credential.created", "credential.rotated", "credential.deleted"),
                "description", "incident channel")).expect(200);
        String webhookId = webhook.field("id");
        String secret = webhook.field("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/v3/webhooks/" + webhookId, admin).expect(200).text()).doesNotContain(secret);

        String owner = api.createIdentity(admin, "Hooked owner", "USER");
        String pat = api.createPat(admin, owner, "hooked", null).expect(200).field("id");
        await().atMost(Duration.ofSeconds(15)).until(() -> of(pat).size() == 1);
        Received created = of(pat).get(0);
        assertThat(created.event()).isEqualTo("credential.created");
        assertThat(created.signature()).isEqualTo(sign(secret, created));
        assertThat(Long.parseLong(created.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        assertThat(created.body()).doesNotContain("hmac").doesNotContain("secretHash");

        receiver.stop(0);
        api.post("/v3/personal-access-tokens/" + pat + "/secret", admin, Map.of("gracePeriodSeconds", 0))
                .expect(200);
        api.delete("/v3/personal-access-tokens/" + pat, admin).expect(204);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(log(webhookId).findValuesAsText(
                "lastError")).anyMatch(error -> !error.isEmpty() && !error.equals("null")));

        startReceiver(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> of(pat).stream().map(Received::event).distinct()
                .count() == 3);
        List<String> order = of(pat).stream().map(Received::event).distinct().toList();
        assertThat(order).containsExactly("credential.created", "credential.rotated", "credential.deleted");
        await().untilAsserted(() -> assertThat(log(webhookId).findValuesAsText("status"))
                .containsOnly("DELIVERED"));

        long firstDelivery = log(webhookId).get(log(webhookId).size() - 1).path("id").asLong();
        int before = of(pat).size();
        api.post("/v3/webhooks/" + webhookId + "/deliveries/" + firstDelivery + "/redeliver", admin, Map.of())
                .expect(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> of(pat).size() == before + 1);
        assertThat(of(pat).get(before).deliveryId()).isEqualTo(String.valueOf(firstDelivery));
        JsonNode asked = api.get("/v3/audit-events?subjectId=" + webhookId, admin).expect(200).body();
        assertThat(asked.findValues("type").stream().map(JsonNode::asText)).contains("WebhookRedeliveryRequested");
        for (JsonNode entry : asked) {
            if (entry.path("type").asText().equals("WebhookRedeliveryRequested")) {
                assertThat(entry.path("actorId").asText()).isEqualTo("bootstrap-admin");
            }
        }
    }

    @Test
    void aWebhookCannotPointInsideTheNetworkOrAtPlainHttpElsewhere() {
        for (String url : List.of("http://192.168.1.10/hook", "https://10.0.0.7/hook", "https://169.254.169.254/",
                "https://[fd00::1]/hook", "http://203.0.113.9/hook", "https://user:pw@203.0.113.9/", "not a url",
                "ftp://203.0.113.9/")) {
            api.post("/v3/webhooks", admin, Map.of("url", url, "eventTypes", List.of("credential.created")))
                    .expect(400);
        }
        api.post("/v3/webhooks", admin, Map.of("url", "http://127.0.0.1:9/hook",
                "eventTypes", List.of("credential.exploded"))).expect(400);
        String owner = api.createIdentity(admin, "No webhooks", "USER");
        Api.Response pat = api.createPat(admin, owner, "plain", List.of("sp:scopes:all")).expect(200);
        String plain = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/webhooks", plain).expect(403);
        api.post("/v3/webhooks", plain, Map.of("url", "http://127.0.0.1:9/hook",
                "eventTypes", List.of("credential.created"))).expect(403);
    }

    @Test
    void theSecretRotatesAndTheOldOneSignsNoMore() {
        int port = startReceiver(0);
        Api.Response webhook = api.post("/v3/webhooks", admin, Map.of("url", "http://127.0.0.1:" + port + "/hook",
                "eventTypes", List.of("credential.created"))).expect(200);
        String rotated = api.post("/v3/webhooks/" + webhook.field("id") + "/secret", admin, Map.of()).expect(200)
                .field("secret");
        assertThat(rotated).isNotEqualTo(webhook.field("secret"));

        String owner = api.createIdentity(admin, "Resigned owner", "USER");
        String pat = api.createPat(admin, owner, "resigned", null).expect(200).field("id");
        await().atMost(Duration.ofSeconds(15)).until(() -> of(pat).size() == 1);
        Received delivery = of(pat).get(0);
        assertThat(delivery.signature()).isEqualTo(sign(rotated, delivery))
                .isNotEqualTo(sign(webhook.field("secret"), delivery));
        api.delete("/v3/webhooks/" + webhook.field("id"), admin).expect(204);
        api.get("/v3/webhooks/" + webhook.field("id"), admin).expect(404);
    }

    private List<Received> of(String credentialId) {
        return received.stream().filter(r -> r.body().contains("\"credentialId\":\"" + credentialId + "\""))
                .toList();
    }

    private JsonNode log(String webhookId) {
        return api.get("/v3/webhooks/" + webhookId + "/deliveries", admin).expect(200).body();
    }

    private int startReceiver(int port) {
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("X-Idcred-Delivery"), headers.getFirst("X-Idcred-Event"),
                    headers.getFirst("X-Idcred-Timestamp"), headers.getFirst("X-Idcred-Signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver.getAddress().getPort();
    }

    /** What a receiver checks: the delivery id, the timestamp and the body, signed together. */
    private static String sign(String secret, Received delivery) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v2=" + HexFormat.of().formatHex(mac.doFinal((delivery.deliveryId() + "." + delivery.timestamp()
                    + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
