package dev.idcred.shared.usage;

/** The two kinds of credential that obtain access tokens. */
public enum CredentialKind {
    API_CLIENT, PERSONAL_ACCESS_TOKEN
}
