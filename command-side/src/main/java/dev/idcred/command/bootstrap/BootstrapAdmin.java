package dev.idcred.command.bootstrap;

import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.signin.Passwords;
import dev.idcred.command.signin.SignInKeys;
import dev.idcred.command.signin.SignInSecrets;
import dev.idcred.shared.signin.IssueInvitation;
import dev.idcred.shared.signin.SetPassword;
import java.time.Duration;
import java.time.Instant;

import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.command.secret.KeyMaterial;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.KeyTypes;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * At first start, makes the tenant's first administrator: an identity holding {@code ORG_ADMIN} and an API client
 * with scope {@code sp:scopes:all}. Its credentials come from {@code BOOTSTRAP_CLIENT_ID} and
 * {@code BOOTSTRAP_CLIENT_SECRET} when both are set; otherwise they are generated and written once to
 * {@code DATA_DIR/bootstrap-client.json}, readable only by its owner. The secret never reaches the log. A bootstrap
 * client that was deleted stays deleted: a later start with the same variables says so and goes on serving.
 */
@Component
@EnableConfigurationProperties(BootstrapProperties.class)
class BootstrapAdmin implements ApplicationRunner {

    static final String ADMIN_IDENTITY_ID = "bootstrap-admin";
    static final String ADMIN_USERNAME = "admin";
    static final String CONSOLE_CLIENT_ID = "console";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Commands commands;
    private final CredentialStates states;
    private final EventStore events;
    private final SecretIssuer secrets;
    private final KeyMaterial keys;
    private final BootstrapProperties bootstrap;

    private final SignInSecrets signInSecrets;
    private final SignInKeys signInKeys;
    private final Passwords passwords;
    private final Issuer issuer;

    BootstrapAdmin(Commands commands, CredentialStates states, EventStore events, SecretIssuer secrets,
                   KeyMaterial keys, BootstrapProperties bootstrap, SignInSecrets signInSecrets,
                   SignInKeys signInKeys, Passwords passwords, Issuer issuer) {
        this.signInSecrets = signInSecrets;
        this.signInKeys = signInKeys;
        this.passwords = passwords;
        this.issuer = issuer;
        this.commands = commands;
        this.states = states;
        this.events = events;
        this.secrets = secrets;
        this.keys = keys;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean firstStart = states.identity(ADMIN_IDENTITY_ID).isEmpty()
                && !madeByAnotherInstance(() -> commands.sendAsSystem(new CreateIdentity(ADMIN_IDENTITY_ID,
                "Bootstrap administrator", IdentityKind.USER, null, null, ADMIN_USERNAME)));
        if (firstStart) {
            commands.sendAsSystem(new GrantUserLevel(ADMIN_IDENTITY_ID, "ORG_ADMIN"));
        }
        adminSignIn(firstStart);
        consoleClient();
        if (bootstrap.configured()) {
            String clientId = bootstrap.clientId();
            if (states.credential(clientId).isPresent()) {
                return;
            }
            if (events.lastSequenceNumberFor(clientId).isPresent()) {
                log.warn("The bootstrap admin client {} was deleted, and a deleted client stays deleted: it is not made"
                        + " again. To have a bootstrap client, choose another BOOTSTRAP_CLIENT_ID.", clientId);
                return;
            }
            if (!madeByAnotherInstance(() -> createClient(clientId, secrets.adopt(bootstrap.clientSecret())))) {
                log.info("Bootstrap admin client {} created from BOOTSTRAP_CLIENT_ID/BOOTSTRAP_CLIENT_SECRET",
                        clientId);
            }
        } else if (firstStart) {
            String generatedId = Ids.next();
            SecretIssuer.IssuedSecret secret = secrets.issue();
            createClient(generatedId, secret);
            Path file = keys.dataDir().resolve("bootstrap-client.json");
            keys.writeOwnerOnly(file, "{\"client_id\": \"" + generatedId + "\", \"client_secret\": \""
                    + secret.secret() + "\"}\n");
            log.info("Bootstrap admin client {} created; its secret is in {} (readable only by its owner)",
                    generatedId, file.toAbsolutePath());
        }
    }

    /**
     * The administrator signs in with {@code BOOTSTRAP_ADMIN_PASSWORD} (set while they have none), or at first start
     * with an invitation written once to {@code DATA_DIR/bootstrap-admin-invitation.txt}, readable only by its owner
     * and never logged.
     */
    private void adminSignIn(boolean firstStart) {
        if (signInSecrets.passwordHash(ADMIN_IDENTITY_ID).isPresent()) {
            return;
        }
        if (!bootstrap.adminPassword().isEmpty()) {
            String hash = passwords.hashOfAcceptable(bootstrap.adminPassword(), List.of(ADMIN_USERNAME,
                    "Bootstrap administrator"));
            commands.sendAsSystem(new SetPassword(ADMIN_IDENTITY_ID, null, hash));
            log.info("The bootstrap administrator ({}) signs in with BOOTSTRAP_ADMIN_PASSWORD", ADMIN_USERNAME);
        } else if (firstStart) {
            String invitationId = Ids.next();
            Instant expiresAt = commands.sendAsSystem(new IssueInvitation(ADMIN_IDENTITY_ID, invitationId,
                    Duration.ofDays(7)));
            Path file = keys.dataDir().resolve("bootstrap-admin-invitation.txt");
            keys.writeOwnerOnly(file, issuer.at("/account/invitations/" + ADMIN_IDENTITY_ID + "/" + invitationId
                    + "?token=" + signInKeys.invitationToken(ADMIN_IDENTITY_ID, invitationId)) + "\n"
                    + "# username: " + ADMIN_USERNAME + "; valid until " + expiresAt + "\n");
            log.info("The bootstrap administrator ({}) chooses a password with the invitation in {} (readable only"
                    + " by its owner)", ADMIN_USERNAME, file.toAbsolutePath());
        }
    }

    /**
     * The console signs people in as an ordinary registered client: a public one (PKCE, no secret to hand out),
     * internal (people are not asked to consent to the tenant's own console), with the refresh-token grant.
     */
    private void consoleClient() {
        if (states.credential(CONSOLE_CLIENT_ID).isPresent()
                || events.lastSequenceNumberFor(CONSOLE_CLIENT_ID).isPresent()) {
            return;
        }
        String redirect = bootstrap.consoleRedirectUri().isEmpty() ? issuer.at("/console/callback")
                : bootstrap.consoleRedirectUri();
        var settings = new ApiClientSettings("Admin console", "The credential service's console", null, null, null,
                null, List.of(redirect), List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), null,
                "PUBLIC", true, true, true, true, List.of(Scopes.ALL));
        madeByAnotherInstance(() -> commands.sendAsSystem(new CreateApiClient(CONSOLE_CLIENT_ID, ADMIN_IDENTITY_ID,
                KeyTypes.API, settings, secrets.issue().hash(), null)));
        log.info("The console's client {} is registered, returning to {}", CONSOLE_CLIENT_ID, redirect);
    }

    /**
     * Runs a creation that another command-side instance starting at the same moment may win: its aggregate then
     * exists already, which is as good. Answers whether the other instance made it.
     */
    private static boolean madeByAnotherInstance(Runnable creation) {
        try {
            creation.run();
            return false;
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            log.info("Another instance made the bootstrap administrator at the same moment");
            return true;
        }
    }

    private void createClient(String id, SecretIssuer.IssuedSecret secret) {
        var settings = new ApiClientSettings("Bootstrap admin", "The tenant's first administrator client", null,
                null, null, null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null, false, true, false, false,
                List.of(Scopes.ALL));
        commands.sendAsSystem(new CreateApiClient(id, ADMIN_IDENTITY_ID, KeyTypes.API, settings, secret.hash(), null));
    }
}
