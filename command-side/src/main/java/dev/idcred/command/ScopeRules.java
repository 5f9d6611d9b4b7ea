package dev.idcred.command;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Limits;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;

import java.util.List;

/** The scope rule every credential shares: nothing selected means the default scope; an unknown scope is refused. */
public final class ScopeRules {

    private ScopeRules() {
    }

    public static List<String> validScope(List<String> requested, RightsCatalogue catalogue) {
        if (requested != null && requested.size() > Limits.MAX_SCOPES) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "At most " + Limits.MAX_SCOPES + " scopes");
        }
        List<String> scope = Scopes.normalize(requested);
        scope.stream().filter(s -> !catalogue.isKnownScope(s)).findFirst().ifPresent(unknown -> {
            throw new DomainException(ErrorCode.UNKNOWN_SCOPE, "Unknown scope: " + unknown);
        });
        return scope;
    }
}
