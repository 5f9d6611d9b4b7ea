package com.example.credentials.query.scope;

import com.example.credentials.web.CredentialState;
import com.example.credentials.web.CredentialStates;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Optional;

/**
 * The query side's calls are checked against the effective-scope view: exact once the view has applied the log up
 * to the revocation, which in one process follows the commit within milliseconds (see
 * {@code CommitNotifyingEventSource}). Where both sides share a process, the command side's directory is used.
 */
@Component
class ViewedCredentialStates implements CredentialStates {

    private final EffectiveScopeProjection view;

    ViewedCredentialStates(EffectiveScopeProjection view) {
        this.view = view;
    }

    @Override
    public Optional<CredentialState> find(String credentialId, Collection<String> tokenIds) {
        return view.currentState(credentialId, tokenIds);
    }
}
