package dev.idcred.shared.identity;

/** One identity by id (also answers the auth-user view). */
public record FindIdentity(String identityId) {
}
