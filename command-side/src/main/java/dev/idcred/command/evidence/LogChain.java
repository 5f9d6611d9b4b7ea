package dev.idcred.command.evidence;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.secret.KeyMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the log's chain behind the appends and signs checkpoints of it. Every {@code credentials.evidence.
 * chain-interval} (a second) one instance (a PostgreSQL advisory lock) takes the records not chained yet, in the
 * order of their global index, and gives each the next position and its chain hash ({@link ChainFormat}); a record
 * whose transaction committed after later ones were chained is chained when it is seen, at the end. Every
 * {@code credentials.evidence.checkpoint-interval} (a minute), if the chain grew, the head (position, chain hash) is
 * signed as a compact JWS with the service's current token-signing key, whose public half {@code /oauth/jwks}
 * publishes. The chain and the checkpoints are what {@code GET /v3/audit-exports} exports and {@link ExportVerifier}
 * checks.
 */
@Component
@EnableConfigurationProperties(LogChain.EvidenceProperties.class)
public class LogChain implements SchedulingConfigurer {

    @ConfigurationProperties("credentials.evidence")
    record EvidenceProperties(@DefaultValue("1s") Duration chainInterval,
                              @DefaultValue("1m") Duration checkpointInterval) {
    }

    /** The head of the chain: its last position and that position's chain hash. */
    public record Head(long position, byte[] chainHash) {
    }

    private static final Logger log = LoggerFactory.getLogger(LogChain.class);
    private static final long CHAIN_LOCK = 0x1dc3ed_0022L;
    private static final int BATCH = 2_000;
    private static final int BATCHES_PER_RUN = 25;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KeyMaterial.SigningKeys keys;
    private final Issuer issuer;
    private final Clock clock;
    private final EvidenceProperties properties;

    LogChain(JdbcTemplate jdbc, TransactionTemplate transaction, KeyMaterial.SigningKeys keys, Issuer issuer,
             Clock clock, EvidenceProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::run, properties.chainInterval());
    }

    void run() {
        try {
            for (int i = 0; i < BATCHES_PER_RUN && chainNext() == BATCH; i++) {
                // a backlog (the first start after the migration) is chained a batch per transaction
            }
            checkpointIfDue();
        } catch (RuntimeException e) {
            log.warn("The log chain did not advance this time: {}", e.toString());
        }
    }

    /** Chains up to one batch of the records not chained yet; answers how many it chained. */
    int chainNext() {
        Integer chained = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    CHAIN_LOCK))) {
                return 0;
            }
            Head head = head();
            List<Map.Entry<Long, byte[]>> hashes = jdbc.query("select global_index, record_hash from event_record"
                            + " where chain_seq is null order by global_index limit " + BATCH,
                    (row, i) -> Map.entry(row.getLong(1), row.getBytes(2)));
            if (hashes.isEmpty()) {
                return 0;
            }
            long position = head.position();
            byte[] previous = head.chainHash();
            var updates = new ArrayList<Object[]>(hashes.size());
            for (Map.Entry<Long, byte[]> record : hashes) {
                position++;
                previous = ChainFormat.chainHash(previous, position, record.getKey(), record.getValue());
                updates.add(new Object[]{position, previous, record.getKey()});
            }
            jdbc.batchUpdate("update event_record set chain_seq = ?, chain_hash = ? where global_index = ?", updates);
            return updates.size();
        });
        return chained == null ? 0 : chained;
    }

    /** The chain's last position and hash; position 0 and the origin before the first record is chained. */
    public Head head() {
        List<Head> last = jdbc.query("select chain_seq, chain_hash from event_record where chain_seq is not null"
                + " order by chain_seq desc limit 1", (row, i) -> new Head(row.getLong(1), row.getBytes(2)));
        return last.isEmpty() ? new Head(0, ChainFormat.ORIGIN) : last.get(0);
    }

    /** The last signed checkpoint's position, or 0. */
    public long lastCheckpoint() {
        Long last = jdbc.queryForObject("select coalesce(max(chain_seq), 0) from log_checkpoint", Long.class);
        return last == null ? 0 : last;
    }

    private void checkpointIfDue() {
        transaction.executeWithoutResult(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    CHAIN_LOCK))) {
                return;
            }
            Head head = head();
            List<Instant> lastSigned = jdbc.query("select signed_at from log_checkpoint order by chain_seq desc"
                    + " limit 1", (row, i) -> row.getTimestamp(1).toInstant());
            Instant now = clock.instant();
            if (head.position() == 0 || head.position() <= lastCheckpoint() || !lastSigned.isEmpty()
                    && now.isBefore(lastSigned.get(0).plus(properties.checkpointInterval()))) {
                return;
            }
            jdbc.update("insert into log_checkpoint (chain_seq, chain_hash, signed_at, jws) values (?, ?, ?, ?)",
                    head.position(), head.chainHash(), Timestamp.from(now), sign(head, now));
        });
    }

    private String sign(Head head, Instant signedAt) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", issuer.url());
        claims.put("chainSeq", head.position());
        claims.put("chainHash", HEX.formatHex(head.chainHash()));
        claims.put("signedAt", signedAt.toString());
        try {
            var jws = new JWSObject(new JWSHeader.Builder(keys.algorithm()).keyID(keys.current().getKeyID())
                    .type(JOSEObjectType.JOSE).build(), new Payload(claims));
            jws.sign(new DefaultJWSSignerFactory().createJWSSigner(keys.current(), keys.algorithm()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("The checkpoint could not be signed", e);
        }
    }
}
