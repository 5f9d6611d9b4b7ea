package dev.idcred.launcher.support;

import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.appliance.CreateVirtualAppliance;
import dev.idcred.shared.appliance.DeleteVirtualAppliance;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.hygiene.ReviewCredential;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import dev.idcred.shared.identity.RevokeUserLevel;
import dev.idcred.shared.identity.UpdateIdentity;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.pat.TokenActor;
import dev.idcred.shared.pat.UpdatePersonalAccessToken;
import dev.idcred.shared.token.IssueRefreshToken;
import dev.idcred.shared.token.RevokeAccessToken;
import dev.idcred.shared.token.RevokeRefreshTokenFamily;
import dev.idcred.shared.token.RotateRefreshToken;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.RecordUsage;
import dev.idcred.shared.webhook.ChangeWebhook;
import dev.idcred.shared.webhook.DeleteWebhook;
import dev.idcred.shared.webhook.RegisterWebhook;
import dev.idcred.shared.webhook.RotateWebhookSecret;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Writes a realistic log through the command bus: per round, one owner whose identity, levels, tokens, clients,
 * usage, virtual appliance, rotations, leaks and webhook produce every event type (about 55 events a round), and one
 * token that expires while the rounds are written.
 */
public final class EventLogWriter {

    private static final ApiClientSettings SETTINGS = new ApiClientSettings("bulk", "bulk client", null, null, 600,
            null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null, null, null, null, null,
            List.of("sp:scopes:all"));

    private final CommandGateway commands;
    private final Instant start = Instant.now();

    public EventLogWriter(CommandGateway commands) {
        this.commands = commands;
    }

    /** Rounds named {@code prefix-0} to {@code prefix-(rounds-1)}; distinct prefixes may be written in parallel. */
    public void writeRounds(String prefix, int rounds) {
        String expiring = prefix + "-expiring";
        commands.sendAndWait(new CreateIdentity(expiring, "Owner " + expiring, IdentityKind.USER, null, null));
        commands.sendAndWait(new CreatePersonalAccessToken(expiring + "-pat", expiring, "soon over", List.of(), null,
                "hmac:e", Instant.now().plusSeconds(1)));
        for (int round = 0; round < rounds; round++) {
            writeRound(prefix + "-" + round, round);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(start.plusSeconds(2)));
        commands.sendAndWait(new ReviewCredential(expiring + "-pat", CredentialKind.PERSONAL_ACCESS_TOKEN));
    }

    private void writeRound(String owner, int round) {
        commands.sendAndWait(new CreateIdentity(owner, "Owner " + owner, IdentityKind.USER, null, null));
        commands.sendAndWait(new UpdateIdentity(owner, List.of(new PatchOperation("replace", "/name", null,
                "Renamed " + owner))));
        commands.sendAndWait(new GrantUserLevel(owner, "HELPDESK"));
        commands.sendAndWait(new GrantUserLevel(owner, "ORG_ADMIN"));
        for (int pat = 0; pat < 4; pat++) {
            String token = owner + "-pat-" + pat;
            commands.sendAndWait(new CreatePersonalAccessToken(token, owner, "token " + pat,
                    pat % 2 == 0 ? List.of("sp:scopes:all") : List.of("idn:identities:read"), null, "hmac:x", null));
            commands.sendAndWait(new UpdatePersonalAccessToken(token, List.of(new PatchOperation("replace",
                    "/name", null, "renamed token " + pat)), TokenActor.system()));
            commands.sendAndWait(new RecordUsage(token, CredentialKind.PERSONAL_ACCESS_TOKEN,
                    start.plusSeconds(60L * pat), dev.idcred.shared.usage.Usage.single()));
            commands.sendAndWait(new RecordUsage(token, CredentialKind.PERSONAL_ACCESS_TOKEN,
                    start.plusSeconds(60L * pat + 120), dev.idcred.shared.usage.Usage.single()));
        }
        commands.sendAndWait(new DeletePersonalAccessToken(owner + "-pat-3", TokenActor.system(), "bulk"));
        for (int client = 0; client < 3; client++) {
            String id = owner + "-client-" + client;
            commands.sendAndWait(new CreateApiClient(id, owner, client == 2 ? "INTEGRATION" : null, SETTINGS,
                    "hmac:x", null));
            commands.sendAndWait(new UpdateApiClient(id, List.of(new PatchOperation("replace", "/scope", null,
                    List.of("idn:audit:read")))));
            commands.sendAndWait(new RecordUsage(id, CredentialKind.API_CLIENT, start.plusSeconds(60L * client), dev.idcred.shared.usage.Usage.single()));
        }
        commands.sendAndWait(new RevokeAccessToken(owner + "-pat-0", CredentialKind.PERSONAL_ACCESS_TOKEN,
                "jti-" + owner, start.plusSeconds(3_600), "bulk"));
        commands.sendAndWait(new RevokeAccessToken(owner + "-client-0", CredentialKind.API_CLIENT,
                "jti-client-" + owner, start.plusSeconds(3_600), "bulk"));
        String family = owner + "-family";
        commands.sendAndWait(new IssueRefreshToken(family, owner + "-client-0", owner, "hmac:r1",
                start.plusSeconds(86_400)));
        commands.sendAndWait(new RotateRefreshToken(family, "hmac:r1", "hmac:r2", start.plusSeconds(86_400)));
        commands.sendAndWait(new RevokeRefreshTokenFamily(family, null, "bulk"));
        commands.sendAndWait(new UpdateIdentity(owner, List.of(new PatchOperation("replace", "/networkRules", null,
                Map.of("allowedCidrs", List.of("10.0.0.0/8"), "allowedCountries", List.of("CH"))))));
        commands.sendAndWait(new DeleteApiClient(owner + "-client-1"));
        commands.sendAndWait(new CreateVirtualAppliance(owner + "-va", "va " + owner, owner, owner + "-va-key",
                "hmac:x"));
        if (round % 2 == 0) {
            commands.sendAndWait(new DeleteVirtualAppliance(owner + "-va"));
        }
        commands.sendAndWait(new RevokeUserLevel(owner, "ORG_ADMIN"));
        writeHygiene(owner);
    }

    /** Rotation, an expiry warned of, leaks, a webhook: the credential hygiene events, on top of the round. */
    private void writeHygiene(String owner) {
        commands.sendAndWait(new RotateSecret(owner + "-pat-0", CredentialKind.PERSONAL_ACCESS_TOKEN, "hmac:y", 60,
                null, TokenActor.system()));
        commands.sendAndWait(new RotateSecret(owner + "-client-0", CredentialKind.API_CLIENT, "hmac:y", 0, null,
                null));
        String soon = owner + "-client-soon";
        commands.sendAndWait(new CreateApiClient(soon, owner, null, SETTINGS, "hmac:s",
                Instant.now().plus(Duration.ofDays(3))));
        commands.sendAndWait(new ReviewCredential(soon, CredentialKind.API_CLIENT));
        commands.sendAndWait(new ReportLeak(owner + "-client-2", CredentialKind.API_CLIENT, "hmac:x", "scanner",
                "https://paste.example/" + owner));
        commands.sendAndWait(new ReportLeak(owner + "-pat-2", CredentialKind.PERSONAL_ACCESS_TOKEN, "hmac:x",
                "scanner", null));
        String webhook = owner + "-webhook";
        commands.sendAndWait(new RegisterWebhook(webhook, "http://127.0.0.1:9/hook",
                List.of("credential.created"), "bulk", "salt-" + owner));
        commands.sendAndWait(new ChangeWebhook(webhook, List.of(new PatchOperation("replace", "/enabled", null,
                false))));
        commands.sendAndWait(new RotateWebhookSecret(webhook, "salt-2-" + owner));
        commands.sendAndWait(new DeleteWebhook(webhook));
    }
}
