package dev.idcred.launcher.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idcred.command.Commands;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.identity.IdentityEvent;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.policy.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event log written by the build of December 2026 (before the sealed event hierarchies moved the credential's and
 * the consent events to other packages) is read by today's code as it was then: every aggregate folds to the facts
 * that build folded, the views show it, and its aggregates take new commands.
 */
class EarlierEventLogIT {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void aLogWrittenBeforeTheEventsMovedReadsAsItDidThen() throws IOException {
        JsonNode foldedThen = JSON.readTree(resource("2026-12-log-folds.json"));
        try (RunningService service = RunningService.start(RunningService.newDataDir())) {
            int written = appendTheEarlierLog(service.bean(JdbcTemplate.class));
            assertThat(written).isEqualTo(129);

            EventStore store = service.bean(EventStore.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = foldedThen.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> aggregate = it.next();
                assertThat(foldNow(store, aggregate.getKey())).as(aggregate.getKey()).isEqualTo(aggregate.getValue());
            }

            Api api = service.api();
            api.awaitViewsCaughtUp();
            String admin = api.adminToken();
            assertThat(api.get("/v3/oauth-clients/fixture-1-client-0", admin).expect(200).field("name"))
                    .isEqualTo("bulk");
            api.get("/v3/oauth-clients/fixture-1-client-1", admin).expect(404);

            CommandGateway commands = service.bean(CommandGateway.class);
            send(commands, new UpdateApiClient("fixture-1-client-0", List.of(
                    new PatchOperation("replace", "/description", null, "read from an earlier log"))));
            send(commands, new DeletePersonalAccessToken("fixture-1-pat-0", "read from an earlier log"));
            api.awaitViewsCaughtUp();
            assertThat(api.get("/v3/oauth-clients/fixture-1-client-0", admin).expect(200).field("description"))
                    .isEqualTo("read from an earlier log");
        }
    }

    /** Appends the earlier build's rows as that build stored them: type names, revisions and payloads untouched. */
    private static int appendTheEarlierLog(JdbcTemplate jdbc) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (String line : new String(resource("2026-12-log.jsonl").readAllBytes(), StandardCharsets.UTF_8)
                .split("\n")) {
            JsonNode row = JSON.readTree(line);
            rows.add(new Object[]{row.path("eventIdentifier").asText(), row.path("aggregateIdentifier").asText(),
                    row.path("sequenceNumber").asLong(), row.path("type").asText(), row.path("timeStamp").asText(),
                    row.path("payloadType").asText(), row.path("payloadRevision").asText(),
                    row.path("payload").asText().getBytes(StandardCharsets.UTF_8),
                    row.path("metaData").asText().getBytes(StandardCharsets.UTF_8)});
        }
        jdbc.batchUpdate("insert into domainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                + " timeStamp, payloadType, payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    private static JsonNode foldNow(EventStore store, String aggregateId) throws IOException {
        CredentialFacts credential = null;
        OwnerFacts owner = null;
        for (DomainEventMessage<?> event : store.readEvents(aggregateId).asStream().toList()) {
            if (event.getPayload() instanceof CredentialEvent change) {
                credential = CredentialFacts.fold(credential, change);
            } else if (event.getPayload() instanceof IdentityEvent change) {
                owner = OwnerFacts.fold(owner, change);
            }
        }
        return JSON.readTree(JSON.writeValueAsString(credential != null ? credential : owner));
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.with(AuditMetadata.ACTOR_ID, Actor.SYSTEM_ID)
                        .and(Commands.ACTOR, Actor.SYSTEM)));
    }

    private static InputStream resource(String name) {
        return EarlierEventLogIT.class.getResourceAsStream("/event-logs/" + name);
    }
}
