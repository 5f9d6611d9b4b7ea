package dev.idcred.command.bootstrap;

import dev.idcred.command.Commands;
import dev.idcred.command.identity.IdentityLookup;
import dev.idcred.command.oauth.CredentialLookup;
import dev.idcred.command.secret.KeyMaterial;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.KeyTypes;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import dev.idcred.command.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * At first start, makes the tenant's first administrator: an identity holding {@code ORG_ADMIN} and an API client
 * with scope {@code sp:scopes:all}. Its credentials come from {@code BOOTSTRAP_CLIENT_ID} and
 * {@code BOOTSTRAP_CLIENT_SECRET} when both are set; otherwise they are generated and written once to
 * {@code DATA_DIR/bootstrap-client.json}, readable only by its owner. The secret never reaches the log.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    static final String ADMIN_IDENTITY_ID = "bootstrap-admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Commands commands;
    private final IdentityLookup identities;
    private final CredentialLookup credentials;
    private final SecretIssuer secrets;
    private final KeyMaterial keys;
    private final Path dataDir;
    private final String clientId;
    private final String clientSecret;

    BootstrapAdmin(Commands commands, IdentityLookup identities, CredentialLookup credentials, SecretIssuer secrets,
                   KeyMaterial keys, @Value("${credentials.data-dir:./data}") Path dataDir,
                   @Value("${credentials.bootstrap.client-id:}") String clientId,
                   @Value("${credentials.bootstrap.client-secret:}") String clientSecret) {
        this.commands = commands;
        this.identities = identities;
        this.credentials = credentials;
        this.secrets = secrets;
        this.keys = keys;
        this.dataDir = dataDir;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = !clientId.isBlank() && !clientSecret.isBlank();
        boolean firstStart = identities.find(ADMIN_IDENTITY_ID).isEmpty();
        if (firstStart) {
            commands.sendAs(new CreateIdentity(ADMIN_IDENTITY_ID, "Bootstrap administrator", IdentityKind.USER,
                    null, null), AuditMetadata.SYSTEM);
            commands.sendAs(new GrantUserLevel(ADMIN_IDENTITY_ID, "ORG_ADMIN"), AuditMetadata.SYSTEM);
        }
        if (configured && credentials.findCredential(clientId).isEmpty()) {
            createClient(clientId, secrets.adopt(clientSecret));
            log.info("Bootstrap admin client {} created from BOOTSTRAP_CLIENT_ID/BOOTSTRAP_CLIENT_SECRET", clientId);
        } else if (!configured && firstStart) {
            String generatedId = Ids.next();
            SecretIssuer.IssuedSecret secret = secrets.issue();
            createClient(generatedId, secret);
            Path file = dataDir.resolve("bootstrap-client.json");
            keys.writeOwnerOnly(file, "{\"client_id\": \"" + generatedId + "\", \"client_secret\": \""
                    + secret.secret() + "\"}\n");
            log.info("Bootstrap admin client {} created; its secret is in {} (readable only by its owner)",
                    generatedId, file.toAbsolutePath());
        }
    }

    private void createClient(String id, SecretIssuer.IssuedSecret secret) {
        var settings = new ApiClientSettings("Bootstrap admin", "The tenant's first administrator client", null,
                null, null, null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null, false, true, false, false,
                List.of(Scopes.ALL));
        commands.sendAs(new CreateApiClient(id, ADMIN_IDENTITY_ID, KeyTypes.API, settings, secret.hash()),
                AuditMetadata.SYSTEM);
    }
}
