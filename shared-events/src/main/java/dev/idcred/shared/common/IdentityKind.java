package dev.idcred.shared.common;

/** What an identity is: a person of the tenant, or a vendor account granted access for a limited time. */
public enum IdentityKind {
    USER, SUPPORT, SERVICES;

    /** Support and services accounts have a tenant-access expiry and may never create API clients. */
    public boolean isVendorAccount() {
        return this != USER;
    }
}
