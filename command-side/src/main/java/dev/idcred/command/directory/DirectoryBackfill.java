package dev.idcred.command.directory;

import dev.idcred.access.audit.AuditIndex;
import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.identity.IdentityEvent;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authorization table and the audit index are written in the transaction of every append, so they never lag
 * the log; a log written by a version that had neither is folded into them once, at the first start of this one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectoryBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBackfill.class);

    private final EventStore events;
    private final AuthorizationTable access;
    private final AuditIndex audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DirectoryBackfill(EventStore events, AuthorizationTable access, AuditIndex audit, JdbcTemplate jdbc,
                      TransactionTemplate transaction) {
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Several instances may start at once: one folds, under this lock, and the others then find it done. */
    private static final long BACKFILL_LOCK = 0x1dc3ed_0001L;

    @Override
    public void run(ApplicationArguments args) {
        if (!isNotEmpty("domainEventEntry") || (isNotEmpty("access_identity") && isNotEmpty("audit_entry"))) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, BACKFILL_LOCK);
            boolean accessMissing = !isNotEmpty("access_identity");
            boolean auditMissing = !isNotEmpty("audit_entry");
            if (accessMissing || auditMissing) {
                long folded = fold(accessMissing, auditMissing);
                log.info("Folded {} events of the log into the {}", folded,
                        accessMissing && auditMissing ? "authorization table and the audit index"
                                : accessMissing ? "authorization table" : "audit index");
            }
        });
    }

    private long fold(boolean intoAccess, boolean intoAudit) {
        long folded = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (intoAccess && event.getPayload() instanceof CredentialEvent change) {
                    access.record(change);
                } else if (intoAccess && event.getPayload() instanceof IdentityEvent change) {
                    access.record(change);
                }
                if (intoAudit) {
                    audit.index(event);
                }
                folded++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while folding the log", e);
        }
        return folded;
    }

    private boolean isNotEmpty(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table + ")", Boolean.class));
    }
}
