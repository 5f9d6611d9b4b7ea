package dev.idcred.launcher.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.idcred.command.evidence.ExportVerifier;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22, the tamper-evident log: an export of the log verifies as intact with the service's published keys, and
 * once one event is edited, one deleted and two reordered in PostgreSQL itself, the verifier names each, by position.
 * Its own service, since the test tampers with the log.
 */
class TamperEvidentLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningService service;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        service = RunningService.start(RunningService.newDataDir(), "--credentials.evidence.checkpoint-interval=PT1S",
                "--credentials.evidence.chain-interval=PT0.2S");
        api = service.api();
        admin = api.adminToken();
        for (int i = 0; i < 4; i++) {
            String owner = api.createIdentity(admin, "Evidence owner " + i, "USER");
            api.createPat(admin, owner, "evidence " + i, null).expect(200);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anExportVerifiesIntactAndTheVerifierNamesAnEditADeletionAndAReordering() throws Exception {
        JWKSet keys = JWKSet.parse(api.get("/oauth/jwks", null).expect(200).text());
        await().untilAsserted(() -> {
            ExportVerifier.Report report = ExportVerifier.verify(export("/v3/audit-exports"), keys);
            assertThat(report.problems()).isEmpty();
            assertThat(report.signedCheckpoints()).isPositive();
            assertThat(report.coveredThrough()).isEqualTo(report.lastPosition());
        });
        checkpointsOfAnotherKeyAreRefusedAndAPartialExportVerifiesFromItsAnchor(keys);

        Path intact = export("/v3/audit-exports");
        List<JsonNode> events = events(intact);
        assertThat(events.size()).isGreaterThanOrEqualTo(12);

        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        long edited = events.get(2).path("chainSeq").asLong();
        long deleted = events.get(5).path("chainSeq").asLong();
        long first = events.get(8).path("chainSeq").asLong();
        long second = events.get(11).path("chainSeq").asLong();
        jdbc.update("update domainEventEntry set payload = payload || decode('20', 'hex') where globalIndex = ?",
                events.get(2).path("globalIndex").asLong());
        jdbc.update("delete from domainEventEntry where globalIndex = ?", events.get(5).path("globalIndex").asLong());
        long a = events.get(8).path("globalIndex").asLong();
        long b = events.get(11).path("globalIndex").asLong();
        jdbc.update("update domainEventEntry set globalIndex = -1 where globalIndex = ?", a);
        jdbc.update("update domainEventEntry set globalIndex = ? where globalIndex = ?", a, b);
        jdbc.update("update domainEventEntry set globalIndex = ? where globalIndex = -1", b);

        ExportVerifier.Report tampered = ExportVerifier.verify(export("/v3/audit-exports"), keys);
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.problems()).containsExactlyInAnyOrder(
                "position " + deleted + " is missing: an event was deleted from the log",
                "the event at position " + edited + " was edited: its stored fields no longer have the hash chained"
                        + " for it",
                "positions " + first + " and " + second + " hold each other's events: they were reordered");

        assertThat(ExportVerifier.verify(intact, keys).intact()).isTrue();
    }

    /** Before the tampering: the same log, checked with a stranger's key and in parts. */
    private static void checkpointsOfAnotherKeyAreRefusedAndAPartialExportVerifiesFromItsAnchor(JWKSet keys)
            throws Exception {
        JWKSet stranger = new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("stranger").generate().toPublicJWK());
        ExportVerifier.Report foreign = ExportVerifier.verify(export("/v3/audit-exports"), stranger);
        assertThat(foreign.problems()).isNotEmpty().allMatch(problem -> problem.contains("a key the key set does not"
                + " hold"));

        ExportVerifier.Report middle = ExportVerifier.verify(export("/v3/audit-exports?from=4&to=9"), keys);
        assertThat(middle.problems()).isEmpty();
        assertThat(middle.firstPosition()).isEqualTo(4);
        assertThat(middle.lastPosition()).isEqualTo(9);
        ExportVerifier.Report limited = ExportVerifier.verify(export("/v3/audit-exports?limit=3"), keys);
        assertThat(limited.events()).isEqualTo(3);
        assertThat(limited.notes()).anyMatch(note -> note.contains("the next one starts at position 4"));

        api.get("/v3/audit-exports?from=yesterday", admin).expect(400);
        api.get("/v3/audit-exports?limit=0", admin).expect(400);
        String owner = api.createIdentity(admin, "No audit right", "USER");
        Api.Response pat = api.createPat(admin, owner, "plain", List.of("sp:scopes:all")).expect(200);
        api.get("/v3/audit-exports", api.token(pat.field("id"), pat.field("secret"))).expect(403);
    }

    private static Path export(String path) {
        Api.Response response = api.get(path, admin).expect(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        try {
            Path file = Files.createTempFile(service.dataDir(), "export", ".ndjson");
            Files.writeString(file, response.text());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> events(Path export) throws IOException {
        var events = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(export)) {
            JsonNode node = JSON.readTree(line);
            if (node.has("event")) {
                events.add(node.get("event"));
            }
        }
        return events;
    }
}
