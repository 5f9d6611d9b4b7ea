package dev.idcred.launcher.support;

import dev.idcred.command.Commands;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.appliance.CreateVirtualAppliance;
import dev.idcred.shared.appliance.DeleteVirtualAppliance;
import dev.idcred.shared.common.AuditMetadata;
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
import dev.idcred.shared.pat.UpdatePersonalAccessToken;
import dev.idcred.shared.policy.Actor;
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
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

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

    /** Sends as the service itself, as the tenant's own rules do. */
    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.with(AuditMetadata.ACTOR_ID, Actor.SYSTEM_ID).and(Commands.ACTOR, Actor.SYSTEM)));
    }

    /** Rounds named {@code prefix-0} to {@code prefix-(rounds-1)}; distinct prefixes may be written in parallel. */
    public void writeRounds(String prefix, int rounds) {
        String expiring = prefix + "-expiring";
        send(new CreateIdentity(expiring, "Owner " + expiring, IdentityKind.USER, null, null, null));
        send(new CreatePersonalAccessToken(expiring + "-pat", expiring, "soon over", List.of(), null,
                "hmac:e", Instant.now().plusSeconds(1)));
        for (int round = 0; round < rounds; round++) {
            writeRound(prefix + "-" + round, round);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(start.plusSeconds(2)));
        send(new ReviewCredential(expiring + "-pat", CredentialKind.PERSONAL_ACCESS_TOKEN));
    }

    /**
     * Renames the two tokens that stay live (a leak report ends the third) of each of {@code rounds} rounds written under {@code prefix}: a steady update
     * load that rewrites the same documents (each token's, and its listing's pages) again and again.
     */
    public void renameTokens(String prefix, int rounds, int pass) {
        for (int round = 0; round < rounds; round++) {
            for (int pat = 0; pat < 2; pat++) {
                send(new UpdatePersonalAccessToken(prefix + "-" + round + "-pat-" + pat, List.of(new PatchOperation(
                        "replace", "/name", null, "token " + pat + " pass " + pass))));
            }
        }
    }

    private void writeRound(String owner, int round) {
        send(new CreateIdentity(owner, "Owner " + owner, IdentityKind.USER, null, null, null));
        send(new UpdateIdentity(owner, List.of(new PatchOperation("replace", "/name", null,
                "Renamed " + owner))));
        send(new GrantUserLevel(owner, "HELPDESK"));
        send(new GrantUserLevel(owner, "ORG_ADMIN"));
        for (int pat = 0; pat < 4; pat++) {
            String token = owner + "-pat-" + pat;
            send(new CreatePersonalAccessToken(token, owner, "token " + pat,
                    pat % 2 == 0 ? List.of("sp:scopes:all") : List.of("idn:identities:read"), null, "hmac:x", null));
            send(new UpdatePersonalAccessToken(token, List.of(new PatchOperation("replace",
                    "/name", null, "renamed token " + pat))));
            send(new RecordUsage(token, CredentialKind.PERSONAL_ACCESS_TOKEN,
                    start.plusSeconds(60L * pat), dev.idcred.shared.usage.Usage.single()));
            send(new RecordUsage(token, CredentialKind.PERSONAL_ACCESS_TOKEN,
                    start.plusSeconds(60L * pat + 120), dev.idcred.shared.usage.Usage.single()));
        }
        send(new DeletePersonalAccessToken(owner + "-pat-3", "bulk"));
        for (int client = 0; client < 3; client++) {
            String id = owner + "-client-" + client;
            send(new CreateApiClient(id, owner, client == 2 ? "INTEGRATION" : null, SETTINGS,
                    "hmac:x", null));
            send(new UpdateApiClient(id, List.of(new PatchOperation("replace", "/scope", null,
                    List.of("idn:audit:read")))));
            send(new RecordUsage(id, CredentialKind.API_CLIENT, start.plusSeconds(60L * client), dev.idcred.shared.usage.Usage.single()));
        }
        send(new RevokeAccessToken(owner + "-pat-0", CredentialKind.PERSONAL_ACCESS_TOKEN,
                "jti-" + owner, start.plusSeconds(3_600), "bulk"));
        send(new RevokeAccessToken(owner + "-client-0", CredentialKind.API_CLIENT,
                "jti-client-" + owner, start.plusSeconds(3_600), "bulk"));
        String family = owner + "-family";
        send(new IssueRefreshToken(family, owner + "-client-0", owner, "hmac:r1",
                start.plusSeconds(86_400)));
        send(new RotateRefreshToken(family, "hmac:r1", "hmac:r2", start.plusSeconds(86_400)));
        send(new RevokeRefreshTokenFamily(family, null, "bulk"));
        send(new UpdateIdentity(owner, List.of(new PatchOperation("replace", "/networkRules", null,
                Map.of("allowedCidrs", List.of("10.0.0.0/8"), "allowedCountries", List.of("CH"))))));
        send(new DeleteApiClient(owner + "-client-1"));
        send(new CreateVirtualAppliance(owner + "-va", "va " + owner, owner, owner + "-va-key",
                "hmac:x"));
        if (round % 2 == 0) {
            send(new DeleteVirtualAppliance(owner + "-va"));
        }
        send(new RevokeUserLevel(owner, "ORG_ADMIN"));
        writeHygiene(owner);
        writeSignIn(owner, round);
    }

    /** A person who signs in and lets a client act for them: the sign-in and consent events; every other one leaves. */
    private void writeSignIn(String owner, int round) {
        String person = owner + "-person";
        send(new CreateIdentity(person, "Person " + owner, IdentityKind.USER, null, null, "u." + owner));
        send(new dev.idcred.shared.signin.IssueInvitation(person, person + "-invitation", Duration.ofHours(1)));
        send(new dev.idcred.shared.signin.SetPassword(person, null, "bcrypt-of-nothing"));
        send(new dev.idcred.shared.signin.RecordSignIn(person, List.of("password"), "127.0.0.1"));
        send(new dev.idcred.shared.signin.LockOut(person, 5, start.plusSeconds(900)));
        send(new dev.idcred.shared.signin.RecordRecoveryCodeUse(person, 9));
        send(new dev.idcred.shared.consent.GrantConsent(person, owner + "-client-0", List.of("openid",
                "idn:audit:read")));
        send(new dev.idcred.shared.consent.WithdrawConsent(person, owner + "-client-0", "bulk"));
        send(new dev.idcred.shared.consent.GrantConsent(person, owner + "-client-2", List.of("idn:audit:read")));
        if (round % 2 == 1) {
            send(new dev.idcred.shared.identity.DeleteIdentity(person, "bulk"));
        }
    }

    /** Rotation, an expiry warned of, leaks, a webhook: the credential hygiene events, on top of the round. */
    private void writeHygiene(String owner) {
        send(new RotateSecret(owner + "-pat-0", CredentialKind.PERSONAL_ACCESS_TOKEN, "hmac:y", 60,
                null));
        send(new RotateSecret(owner + "-client-0", CredentialKind.API_CLIENT, "hmac:y", 0, null));
        String soon = owner + "-client-soon";
        send(new CreateApiClient(soon, owner, null, SETTINGS, "hmac:s",
                Instant.now().plus(Duration.ofDays(3))));
        send(new ReviewCredential(soon, CredentialKind.API_CLIENT));
        send(new ReportLeak(owner + "-client-2", CredentialKind.API_CLIENT, "hmac:x", "scanner",
                "https://paste.example/" + owner));
        send(new ReportLeak(owner + "-pat-2", CredentialKind.PERSONAL_ACCESS_TOKEN, "hmac:x",
                "scanner", null));
        String webhook = owner + "-webhook";
        send(new RegisterWebhook(webhook, "http://127.0.0.1:9/hook",
                List.of("credential.created"), "bulk", "salt-" + owner));
        send(new ChangeWebhook(webhook, List.of(new PatchOperation("replace", "/enabled", null,
                false))));
        send(new RotateWebhookSecret(webhook, "salt-2-" + owner));
        send(new DeleteWebhook(webhook));
    }
}
