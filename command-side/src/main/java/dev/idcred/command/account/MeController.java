package dev.idcred.command.account;

import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.signin.SignInSecrets;
import dev.idcred.command.signin.Usernames;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.consent.WithdrawConsent;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The caller's own account: {@code GET /v3/me} (who the token acts for, their levels and strong authentication) and
 * the API clients they let act for them ({@code GET /v3/me/consents}, {@code DELETE /v3/me/consents/{clientId}},
 * which ends the client's tokens and refresh tokens for them at once). Read from the authorization table, so it is
 * never behind the log.
 */
@RestController
@RequestMapping("/v3/me")
class MeController {

    record Me(String id, String name, String username, IdentityKind kind, Set<String> levels,
              Instant tenantAccessExpiresAt, boolean strongAuthentication, String actingThrough) {
    }

    record ConsentView(String clientId, String clientName, List<String> scope, Instant grantedAt) {
    }

    private final CredentialStates states;
    private final Usernames usernames;
    private final SignInSecrets secrets;
    private final Commands commands;

    MeController(CredentialStates states, Usernames usernames, SignInSecrets secrets, Commands commands) {
        this.states = states;
        this.usernames = usernames;
        this.secrets = secrets;
        this.commands = commands;
    }

    @GetMapping
    Me me(Caller caller) {
        OwnerFacts me = self(caller);
        return new Me(me.identityId(), me.name(), usernames.usernameOf(me.identityId()).orElse(null), me.kind(),
                me.levels(), me.tenantAccessExpiresAt(), secrets.enrolled(me.identityId()).isPresent(),
                caller.clientId());
    }

    @GetMapping("/consents")
    List<ConsentView> consents(Caller caller) {
        return self(caller).consents().entrySet().stream().map(e -> new ConsentView(e.getKey(),
                states.credential(e.getKey()).map(CredentialAccess::credential)
                        .map(c -> c.registration() == null ? null : c.registration().name()).orElse(null),
                e.getValue().scope(), e.getValue().grantedAt())).toList();
    }

    @DeleteMapping("/consents/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String clientId, Caller caller) {
        boolean withdrawn = commands.send(new WithdrawConsent(caller.identityId(), clientId,
                "Withdrawn by the person"), caller);
        if (!withdrawn) {
            throw new DomainException(ErrorCode.NOT_FOUND, "You have given no consent to that client");
        }
    }

    private OwnerFacts self(Caller caller) {
        return states.identity(caller.identityId()).filter(OwnerFacts::live)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "The identity no longer exists"));
    }
}
