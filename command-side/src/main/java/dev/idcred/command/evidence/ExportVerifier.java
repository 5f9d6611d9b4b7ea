package dev.idcred.command.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an audit export ({@code GET /v3/audit-exports}) without the service: {@code ./run.sh verify-export FILE
 * [--keys JWKS]}. Each event's record hash is recomputed from its stored fields ({@link ChainFormat}) and the chain
 * from the export's anchor; each checkpoint is checked against the chain and, given the service's published key set
 * (saved from {@code /oauth/jwks}), its signature. It names where the file breaks: an event edited (its content no
 * longer has the hash chained for it), events deleted (positions missing), two events reordered (each where the
 * other was chained), a chain hash or a checkpoint that does not follow. Exit status 0 if intact, 1 if not, 2 if the
 * file or the key set cannot be read.
 */
public final class ExportVerifier {

    /** What the check found: {@code problems} empty if the file is intact. */
    public record Report(long events, long firstPosition, long lastPosition, int checkpoints, int signedCheckpoints,
                         long coveredThrough, List<String> problems, List<String> notes) {

        public boolean intact() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            var text = new StringBuilder();
            text.append(intact() ? "INTACT" : "BROKEN").append(": ").append(events).append(" events, positions ")
                    .append(firstPosition).append("–").append(lastPosition).append("; ").append(checkpoints)
                    .append(" checkpoints (").append(signedCheckpoints).append(" with a valid signature), the chain")
                    .append(" signed through position ").append(coveredThrough).append('\n');
            problems.forEach(problem -> text.append("  problem: ").append(problem).append('\n'));
            notes.forEach(note -> text.append("  note: ").append(note).append('\n'));
            return text.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private ExportVerifier() {
    }

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--keys"))) {
            System.err.println("usage: verify-export FILE [--keys JWKS_FILE]   (the key set saved from /oauth/jwks)");
            System.exit(2);
        }
        try {
            JWKSet keys = args.length == 3 ? JWKSet.parse(Files.readString(Path.of(args[2]))) : null;
            Report report = verify(Path.of(args[0]), keys);
            System.out.print(report);
            System.exit(report.intact() ? 0 : 1);
        } catch (IOException | ParseException | RuntimeException e) {
            System.err.println("verify-export: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Checks {@code file}; {@code keys} null leaves the checkpoints' signatures unchecked (and says so). */
    public static Report verify(Path file, JWKSet keys) throws IOException {
        var problems = new ArrayList<String>();
        var notes = new ArrayList<String>();
        var recordedAt = new LinkedHashMap<String, Long>();
        var editedContent = new LinkedHashMap<Long, String>();
        long events = 0;
        long first = 0;
        long expected = -1;
        long previousPosition = 0;
        byte[] chain = null;
        boolean chainKnown = false;
        int checkpoints = 0;
        int signed = 0;
        long covered = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int lineNumber = 0;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                if (line.has("header")) {
                    JsonNode header = line.get("header");
                    if (!AuditExportController.FORMAT.equals(header.path("format").asText())) {
                        problems.add("line " + lineNumber + ": not an export of format " + AuditExportController.FORMAT);
                    }
                    expected = header.path("anchorPosition").asLong() + 1;
                    chain = HEX.parseHex(header.path("anchorChainHash").asText());
                    chainKnown = true;
                } else if (line.has("event")) {
                    if (expected < 0) {
                        problems.add("line " + lineNumber + ": an event before the export's header");
                        expected = line.get("event").path("chainSeq").asLong();
                    }
                    JsonNode event = line.get("event");
                    long position = event.path("chainSeq").asLong();
                    long globalIndex = event.path("globalIndex").asLong();
                    if (events == 0) {
                        first = position;
                    }
                    events++;
                    if (position > expected) {
                        problems.add(position == expected + 1 ? "position " + expected + " is missing: an event was"
                                + " deleted from the log" : "positions " + expected + "–" + (position - 1)
                                + " are missing: " + (position - expected) + " events were deleted from the log");
                        chainKnown = false;
                    } else if (position < expected) {
                        problems.add("position " + position + " appears again or out of order after " + (expected - 1));
                    }
                    byte[] chained = HEX.parseHex(event.path("recordHash").asText());
                    byte[] content = ChainFormat.recordHash(text(event, "eventIdentifier"),
                            text(event, "aggregateIdentifier"), event.path("sequenceNumber").asLong(),
                            text(event, "type"), text(event, "payloadType"), text(event, "payloadRevision"),
                            text(event, "timeStamp"), bytes(event, "payload"), bytes(event, "metaData"));
                    recordedAt.put(HEX.formatHex(chained), position);
                    if (!Arrays.equals(chained, content)) {
                        editedContent.put(position, HEX.formatHex(content));
                    }
                    byte[] stated = HEX.parseHex(event.path("chainHash").asText());
                    if (chainKnown) {
                        byte[] computed = ChainFormat.chainHash(chain, position, globalIndex, chained);
                        if (!Arrays.equals(computed, stated)) {
                            problems.add("the chain breaks at position " + position + ": its chain hash does not"
                                    + " follow from the one before it");
                        }
                    }
                    chain = stated;
                    chainKnown = true;
                    previousPosition = position;
                    expected = position + 1;
                } else if (line.has("checkpoint")) {
                    checkpoints++;
                    JsonNode checkpoint = line.get("checkpoint");
                    long position = checkpoint.path("chainSeq").asLong();
                    String hash = checkpoint.path("chainHash").asText();
                    if (position != previousPosition || chain == null || !hash.equals(HEX.formatHex(chain))) {
                        problems.add("the checkpoint of position " + position + " does not match the chain there");
                        continue;
                    }
                    String signature = signatureProblem(checkpoint, keys);
                    if (signature == null) {
                        signed++;
                        covered = position;
                    } else if (keys != null) {
                        problems.add("the checkpoint of position " + position + ": " + signature);
                    }
                } else if (line.has("next")) {
                    notes.add("the export stops at its limit; the next one starts at position "
                            + line.get("next").path("fromPosition").asLong());
                } else {
                    problems.add("line " + lineNumber + ": neither header, event, checkpoint nor next");
                }
            }
        }
        reportEdits(editedContent, recordedAt, problems);
        if (keys == null && checkpoints > 0) {
            notes.add("signatures not checked: pass --keys with the key set saved from /oauth/jwks");
        }
        if (events > 0 && covered < previousPosition) {
            notes.add("positions " + (covered + 1) + "–" + previousPosition + " are not yet covered by a"
                    + (keys == null ? "" : " validly signed") + " checkpoint");
        }
        return new Report(events, first, previousPosition, checkpoints, signed, covered, List.copyOf(problems),
                List.copyOf(notes));
    }

    /**
     * An edited event holds content whose hash was chained nowhere; a moved one, content chained at another
     * position; two that swapped places, each the other's.
     */
    private static void reportEdits(Map<Long, String> editedContent, Map<String, Long> recordedAt,
                                    List<String> problems) {
        var reported = new ArrayList<Long>();
        editedContent.forEach((position, content) -> {
            if (reported.contains(position)) {
                return;
            }
            Long elsewhere = recordedAt.get(content);
            String theirs = elsewhere == null ? null : editedContent.get(elsewhere);
            if (theirs != null && position.equals(recordedAt.get(theirs))) {
                problems.add("positions " + Math.min(position, elsewhere) + " and " + Math.max(position, elsewhere)
                        + " hold each other's events: they were reordered");
                reported.add(elsewhere);
            } else if (elsewhere != null) {
                problems.add("position " + position + " holds the event chained at position " + elsewhere
                        + ": it was moved");
            } else {
                problems.add("the event at position " + position + " was edited: its stored fields no longer have"
                        + " the hash chained for it");
            }
            reported.add(position);
        });
    }

    private static String signatureProblem(JsonNode checkpoint, JWKSet keys) {
        if (keys == null) {
            return "not checked";
        }
        try {
            JWSObject jws = JWSObject.parse(checkpoint.path("jws").asText());
            JWK key = keys.getKeyByKeyId(jws.getHeader().getKeyID());
            if (!(key instanceof AsymmetricJWK asymmetric)) {
                return "signed with a key the key set does not hold (" + jws.getHeader().getKeyID() + ")";
            }
            Key publicKey = asymmetric.toPublicKey();
            if (!jws.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(), publicKey))) {
                return "its signature is not valid";
            }
            Map<String, Object> claims = jws.getPayload().toJSONObject();
            if (!String.valueOf(checkpoint.path("chainSeq").asLong()).equals(String.valueOf(claims.get("chainSeq")))
                    || !checkpoint.path("chainHash").asText().equals(claims.get("chainHash"))) {
                return "its signature is for another position or hash";
            }
            return null;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return "its signature cannot be read: " + e.getMessage();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Base64.getDecoder().decode(value);
    }
}
