package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set an identity's password with its invitation (null: the operator's bootstrap password, for the service alone).
 * {@code passwordHash} is the slow hash, kept beside the log; the password itself goes no further than the request.
 */
public record SetPassword(@TargetAggregateIdentifier String identityId, String invitationId, String passwordHash) {

    @Override
    public String toString() {
        return "SetPassword[identityId=" + identityId + ", invitationId=" + invitationId + "]";
    }
}
