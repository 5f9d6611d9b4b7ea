package dev.idcred.command.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v3/audit-exports?from=&to=&limit=}: the tamper-evident log, streamed as JSON Lines for
 * {@link ExportVerifier}. {@code from} and {@code to} are each a chain position or an ISO-8601 instant (when the event
 * was appended); the first line names the range and the chain hash before it, then one line per event in chain order
 * (the stored row, its record hash and chain hash), each signed checkpoint right after the event it covers, and a
 * last line with where the next export starts if {@code limit} (at most {@value #MAX_LIMIT}) cut it short. Events are
 * exported as stored: the log holds no secret, only keyed hashes of them.
 */
@RestController
class AuditExportController {

    static final int DEFAULT_LIMIT = 100_000;
    static final int MAX_LIMIT = 1_000_000;
    private static final String NDJSON = "application/x-ndjson";
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of an export: exactly one of its fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExportLine(Header header, Event event, Checkpoint checkpoint, Next next) {
    }

    /** The range exported, and the chain hash of the position before its first (its anchor). */
    record Header(String format, long fromPosition, long toPosition, long anchorPosition, String anchorChainHash,
                  long headPosition) {
    }

    /** One stored event, its fields as the log holds them (payload and metadata in base64), and its hashes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Event(long chainSeq, long globalIndex, String recordedAt, String eventIdentifier,
                  String aggregateIdentifier, long sequenceNumber, String type, String payloadType,
                  String payloadRevision, String timeStamp, String payload, String metaData, String recordHash,
                  String chainHash) {
    }

    /** A signed checkpoint: the chain through {@code chainSeq} has {@code chainHash}; {@code jws} signs both. */
    record Checkpoint(long chainSeq, String chainHash, String signedAt, String jws) {
    }

    /** Where the next export starts, when this one stopped at its limit. */
    record Next(long fromPosition) {
    }

    static final String FORMAT = "idcred-audit-export/1";

    private final JdbcTemplate jdbc;
    /** The same database, fetching the export's rows 500 at a time instead of all at once. */
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final LogChain chain;

    AuditExportController(JdbcTemplate jdbc, TransactionTemplate transaction, LogChain chain) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.chain = chain;
    }

    @GetMapping(value = "/v3/audit-exports", produces = NDJSON)
    @ApiResponse(responseCode = "200", description = "The log's events in chain order, as JSON Lines",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportLine.class)))
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "limit must be 1 to " + MAX_LIMIT);
        }
        long head = chain.head().position();
        long first = Math.max(1, position("from", from, true, head));
        long last = Math.min(head, position("to", to, false, head));
        long cut = last - first + 1 > max ? first + max - 1 : last;
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            readOnly.executeWithoutResult(status -> write(writer, first, cut, last, head));
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export.ndjson\"")
                .body(body);
    }

    private void write(BufferedWriter writer, long first, long cut, long last, long head) {
        byte[] anchor = first <= 1 ? ChainFormat.ORIGIN : jdbc.query(
                "select chain_hash from event_record where chain_seq = ?", (row, i) -> row.getBytes(1), first - 1)
                .stream().findFirst().orElse(ChainFormat.ORIGIN);
        line(writer, new ExportLine(new Header(FORMAT, first, cut, first - 1, HEX.formatHex(anchor), head), null,
                null, null));
        if (first > cut) {
            return;
        }
        Map<Long, Checkpoint> checkpoints = new TreeMap<>();
        jdbc.query("select chain_seq, chain_hash, signed_at, jws from log_checkpoint where chain_seq between ? and ?",
                row -> {
                    checkpoints.put(row.getLong(1), new Checkpoint(row.getLong(1), HEX.formatHex(row.getBytes(2)),
                            row.getTimestamp(3).toInstant().toString(), row.getString(4)));
                }, first, cut);
        streaming.query("""
                select r.chain_seq, r.global_index, r.recorded_at, e.eventIdentifier, e.aggregateIdentifier,
                       e.sequenceNumber, e.type, e.payloadType, e.payloadRevision, e.timeStamp, e.payload, e.metaData,
                       r.record_hash, r.chain_hash
                from event_record r join domainEventEntry e on e.globalIndex = r.global_index
                where r.chain_seq between ? and ? order by r.chain_seq""", row -> {
            long position = row.getLong(1);
            line(writer, new ExportLine(null, new Event(position, row.getLong(2),
                    row.getTimestamp(3).toInstant().toString(), row.getString(4), row.getString(5), row.getLong(6),
                    row.getString(7), row.getString(8), row.getString(9), row.getString(10), base64(row.getBytes(11)),
                    base64(row.getBytes(12)), HEX.formatHex(row.getBytes(13)), HEX.formatHex(row.getBytes(14))),
                    null, null));
            Checkpoint checkpoint = checkpoints.get(position);
            if (checkpoint != null) {
                line(writer, new ExportLine(null, null, checkpoint, null));
            }
        }, first, cut);
        if (cut < last) {
            line(writer, new ExportLine(null, null, null, new Next(cut + 1)));
        }
    }

    /** A chain position, or the first (last) position appended at or after (before) an instant. */
    private long position(String name, String value, boolean from, long head) {
        if (value == null || value.isBlank()) {
            return from ? 1 : head;
        }
        String given = value.strip();
        if (given.chars().allMatch(Character::isDigit) && given.length() <= 18) {
            return Long.parseLong(given);
        }
        Instant instant;
        try {
            instant = Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID_VALUE, name + ": '" + (given.length() > 40
                    ? given.substring(0, 40) + "…" : given) + "' is neither a chain position nor an ISO-8601 instant");
        }
        List<Long> found = jdbc.query(from
                        ? "select min(chain_seq) from event_record where recorded_at >= ? and chain_seq is not null"
                        : "select max(chain_seq) from event_record where recorded_at < ? and chain_seq is not null",
                (row, i) -> row.getObject(1) == null ? null : row.getLong(1), Timestamp.from(instant));
        Long position = found.isEmpty() ? null : found.get(0);
        return position != null ? position : from ? head + 1 : 0;
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : BASE64.encodeToString(bytes);
    }

    private static void line(BufferedWriter writer, ExportLine line) {
        try {
            writer.write(JSON.writeValueAsString(line));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
