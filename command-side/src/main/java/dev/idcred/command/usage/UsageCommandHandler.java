package dev.idcred.command.usage;

import dev.idcred.command.apiclient.ApiClient;
import dev.idcred.command.pat.PersonalAccessToken;
import dev.idcred.shared.usage.RecordUsage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Routes a {@link RecordUsage} to the aggregate of the credential's kind. */
@Component
class UsageCommandHandler {

    private final Repository<ApiClient> apiClients;
    private final Repository<PersonalAccessToken> tokens;

    UsageCommandHandler(Repository<ApiClient> apiClients, Repository<PersonalAccessToken> tokens) {
        this.apiClients = apiClients;
        this.tokens = tokens;
    }

    @CommandHandler
    public void handle(RecordUsage command) {
        switch (command.kind()) {
            case API_CLIENT -> apiClients.load(command.credentialId())
                    .execute(client -> client.recordUsage(command.usedAt()));
            case PERSONAL_ACCESS_TOKEN -> tokens.load(command.credentialId())
                    .execute(token -> token.recordUsage(command.usedAt()));
        }
    }
}
