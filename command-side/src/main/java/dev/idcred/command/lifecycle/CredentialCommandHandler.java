package dev.idcred.command.lifecycle;

import dev.idcred.command.apiclient.ApiClient;
import dev.idcred.command.credential.Credential;
import dev.idcred.command.pat.PersonalAccessToken;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.hygiene.ReviewCredential;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import dev.idcred.shared.token.RevokeAccessToken;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.RecordUsage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The commands that concern a credential whatever its kind (usage, a revoked token, a new secret, the tenant's
 * hygiene rules, a leak): each loads the aggregate of the credential's kind and asks its {@link Credential}
 * lifecycle, which both kinds share.
 */
@Component
class CredentialCommandHandler {

    private final Repository<ApiClient> apiClients;
    private final Repository<PersonalAccessToken> tokens;
    private final TenantPolicy policy;
    private final Clock clock;

    CredentialCommandHandler(Repository<ApiClient> apiClients, Repository<PersonalAccessToken> tokens,
                             TenantPolicy policy, Clock clock) {
        this.apiClients = apiClients;
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(RecordUsage command) {
        on(command.credentialId(), command.kind(), credential -> run(() -> credential.recordUsage(command.usedAt(),
                command.usage())));
    }

    @CommandHandler
    public void handle(RevokeAccessToken command) {
        Instant now = clock.instant();
        on(command.credentialId(), command.kind(), credential -> run(() -> credential.revokeAccessToken(command.jti(),
                command.expiresAt(), command.reason(), now)));
    }

    @CommandHandler
    public RotateSecret.Rotation handle(RotateSecret command, Actor actor, CredentialPolicy access,
                                        CredentialStates states) {
        Instant now = clock.instant();
        return on(command.credentialId(), command.kind(),
                credential -> credential.rotate(command, actor, access, states, policy, now));
    }

    @CommandHandler
    public void handle(ReviewCredential command) {
        Instant now = clock.instant();
        on(command.credentialId(), command.kind(), credential -> run(() -> credential.review(policy, now)));
    }

    @CommandHandler
    public boolean handle(ReportLeak command) {
        Instant now = clock.instant();
        return on(command.credentialId(), command.kind(), credential -> credential.reportLeak(command, now));
    }

    /** Loads the credential from the repository of its kind; what follows is the same for every kind. */
    private <R> R on(String credentialId, CredentialKind kind, Function<Credential, R> action) {
        Repository<? extends Credential> repository = switch (kind) {
            case API_CLIENT -> apiClients;
            case PERSONAL_ACCESS_TOKEN -> tokens;
        };
        return repository.load(credentialId).invoke(action::apply);
    }

    private static Void run(Runnable action) {
        action.run();
        return null;
    }
}
