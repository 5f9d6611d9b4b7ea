package dev.idcred.launcher.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.EventLogWriter;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.launcher.support.ViewsMatchARebuild;
import dev.idcred.shared.credential.AccessTokenRevoked;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientDeleted;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.ApiClientUsed;
import dev.idcred.shared.credential.CredentialExpired;
import dev.idcred.shared.credential.CredentialExpiringSoon;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.credential.PersonalAccessTokenUsed;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.credential.SecretRotated;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild from the log yields views equal to the ones it replaces, over a log with every event type. */
class RebuildIT {

    private static final Set<String> EVERY_EVENT_TYPE = Set.of("IdentityCreated", "IdentityUpdated",
            "UserLevelGranted", "UserLevelRevoked", "ApiClientCreated", "ApiClientUpdated", "ApiClientUsed",
            "ApiClientDeleted", "PersonalAccessTokenCreated", "PersonalAccessTokenUpdated", "PersonalAccessTokenUsed",
            "PersonalAccessTokenDeleted", "VirtualApplianceCreated", "VirtualApplianceDeleted", "AccessTokenRevoked",
            "RefreshTokenIssued", "RefreshTokenRotated", "RefreshTokenFamilyRevoked", "SecretRotated",
            "CredentialExpiringSoon", "CredentialExpired", "CredentialLeaked", "EffectiveRightsChanged",
            "WebhookRegistered", "WebhookChanged", "WebhookSecretRotated", "WebhookDeleted");

    @Test
    void rebuiltViewsEqualTheLiveViewsTheyReplace() {
        try (RunningService service = RunningService.start(RunningService.newDataDir(),
                "--credentials.webhooks.allow-loopback=true")) {
            new EventLogWriter(service.bean(CommandGateway.class)).writeRounds("owner", 40);
            JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
            Integer events = jdbc.queryForObject("select count(*) from domainEventEntry", Integer.class);
            assertThat(events).isGreaterThan(2000);
            assertThat(new HashSet<>(jdbc.queryForList("select distinct payloadType from domainEventEntry",
                    String.class)).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList())
                    .containsAll(EVERY_EVENT_TYPE);
            awaitLiveProcessorsAtTheHead(service);
            Api api = service.api();
            String admin = api.adminToken();
            JsonNode progress = ViewsMatchARebuild.assertFor(api, admin, service.bean(MongoDatabase.class));
            assertThat(progress.path("generation").asInt()).isEqualTo(1);
            assertThat(progress.path("eventsDone").asLong()).isGreaterThanOrEqualTo(events);
            assertThat(progress.path("eventsPerSecond").asDouble()).isPositive();
            api.get("/v3/oauth-clients?count=true", admin).expect(200);
        }
    }

    static void awaitLiveProcessorsAtTheHead(RunningService service) {
        long head = service.bean(EventStore.class).createHeadToken().position().orElse(0L);
        EventProcessingConfiguration processing = service.bean(EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }
}
