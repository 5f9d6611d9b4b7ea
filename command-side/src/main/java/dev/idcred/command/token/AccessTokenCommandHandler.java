package dev.idcred.command.token;

import dev.idcred.command.apiclient.ApiClient;
import dev.idcred.command.pat.PersonalAccessToken;
import dev.idcred.shared.token.RevokeAccessToken;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Revokes an access token on the credential it was issued to, API client or PAT alike. */
@Component
class AccessTokenCommandHandler {

    private final Repository<ApiClient> apiClients;
    private final Repository<PersonalAccessToken> tokens;
    private final Clock clock;

    AccessTokenCommandHandler(Repository<ApiClient> apiClients, Repository<PersonalAccessToken> tokens, Clock clock) {
        this.apiClients = apiClients;
        this.tokens = tokens;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(RevokeAccessToken command) {
        switch (command.kind()) {
            case API_CLIENT -> apiClients.load(command.credentialId()).execute(client -> client.revokeAccessToken(
                    command.jti(), command.expiresAt(), command.reason(), clock.instant()));
            case PERSONAL_ACCESS_TOKEN -> tokens.load(command.credentialId()).execute(token ->
                    token.revokeAccessToken(command.jti(), command.expiresAt(), command.reason(), clock.instant()));
        }
    }
}
