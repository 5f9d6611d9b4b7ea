package dev.idcred.command.hygiene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.hygiene.EffectiveRightsChanged;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new rights catalogue file is a change of what credentials may do like any other: at start, if the levels or the
 * rights every identity holds differ from those the credentials were last compared under, every live credential whose
 * effective rights change gets an {@link EffectiveRightsChanged} (cause {@code CATALOGUE_CHANGED}, actor
 * {@code system}), in one transaction with the new catalogue's record, so it happens once whichever instance starts
 * first. The first start only records the catalogue.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CatalogueDrift implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueDrift.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 500;

    /** What of a catalogue decides rights: its rights, those of every identity, and those of each level. */
    record Snapshot(Set<String> rights, Set<String> everyIdentity, Map<String, Set<String>> levels) {
        static Snapshot of(RightsCatalogue catalogue) {
            return new Snapshot(catalogue.rights(), catalogue.everyIdentity(), catalogue.levels());
        }

        RightsCatalogue catalogue() {
            return new RightsCatalogue(rights, everyIdentity, levels, List.of());
        }
    }

    private final RightsCatalogue catalogue;
    private final AuthorizationTable access;
    private final RightsDrift drift;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;

    CatalogueDrift(RightsCatalogue catalogue, AuthorizationTable access, RightsDrift drift, JdbcTemplate jdbc,
                   TransactionManager transactions) {
        this.catalogue = catalogue;
        this.access = access;
        this.drift = drift;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            long changed = compareAndRecord();
            unitOfWork.commit();
            if (changed > 0) {
                log.info("The rights catalogue changed: {} credential(s) gained or lost rights", changed);
            }
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    private long compareAndRecord() {
        Snapshot current = Snapshot.of(catalogue);
        jdbc.update("insert into access_catalogue (id, catalogue) values (1, ?::jsonb) on conflict (id) do nothing",
                write(current));
        Snapshot previous = read(jdbc.queryForObject(
                "select catalogue::text from access_catalogue where id = 1 for update", String.class));
        if (previous.equals(current)) {
            return 0;
        }
        RightsCatalogue before = previous.catalogue();
        long changed = 0;
        String after = "";
        List<CredentialAccess> page;
        do {
            page = access.credentialsAfter(after, PAGE);
            for (CredentialAccess credential : page) {
                RightsDrift.Drift change = drift.catalogueDrift(credential.credential(), credential.owner(), before);
                if (!change.added().isEmpty() || !change.removed().isEmpty()) {
                    drift.publish(credential.credential(), change, EffectiveRightsChanged.CATALOGUE_CHANGED, null);
                    changed++;
                }
                after = credential.credential().credentialId();
            }
        } while (page.size() == PAGE);
        jdbc.update("update access_catalogue set catalogue = ?::jsonb where id = 1", write(current));
        return changed;
    }

    private static String write(Snapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the catalogue snapshot", e);
        }
    }

    private static Snapshot read(String json) {
        try {
            return JSON.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable catalogue snapshot in access_catalogue", e);
        }
    }
}
