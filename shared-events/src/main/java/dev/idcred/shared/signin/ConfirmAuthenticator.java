package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Confirm the authenticator app being enrolled with a first {@code code}; {@code recoveryCodeHashes} are the keyed
 * hashes of the recovery codes shown once with the answer.
 */
public record ConfirmAuthenticator(@TargetAggregateIdentifier String identityId, String code,
                                   List<String> recoveryCodeHashes) {

    @Override
    public String toString() {
        return "ConfirmAuthenticator[identityId=" + identityId + "]";
    }
}
