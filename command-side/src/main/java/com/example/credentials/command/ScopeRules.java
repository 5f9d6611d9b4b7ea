package com.example.credentials.command;

import com.example.credentials.shared.common.DomainException;
import com.example.credentials.shared.common.ErrorCode;
import com.example.credentials.shared.common.RightsCatalogue;
import com.example.credentials.shared.common.Scopes;

import java.util.List;

/** The scope rule every credential shares: nothing selected means the default scope; an unknown scope is refused. */
public final class ScopeRules {

    private ScopeRules() {
    }

    public static List<String> validScope(List<String> requested, RightsCatalogue catalogue) {
        List<String> scope = Scopes.normalize(requested);
        scope.stream().filter(s -> !catalogue.isKnownScope(s)).findFirst().ifPresent(unknown -> {
            throw new DomainException(ErrorCode.UNKNOWN_SCOPE, "Unknown scope: " + unknown);
        });
        return scope;
    }
}
