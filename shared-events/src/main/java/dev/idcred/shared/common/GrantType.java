package dev.idcred.shared.common;

/** OAuth 2.0 grant types an API client can be used with. */
public enum GrantType {
    CLIENT_CREDENTIALS, REFRESH_TOKEN, AUTHORIZATION_CODE
}
