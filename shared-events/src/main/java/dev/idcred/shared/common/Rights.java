package dev.idcred.shared.common;

/** The rights the API's own endpoints require. The rights catalogue may add more. */
public final class Rights {
    public static final String OAUTH_CLIENTS_READ = "idn:oauth-clients:read";
    public static final String OAUTH_CLIENTS_MANAGE = "idn:oauth-clients:manage";
    public static final String MY_PATS_READ = "idn:my-personal-access-tokens:read";
    public static final String MY_PATS_MANAGE = "idn:my-personal-access-tokens:manage";
    public static final String ALL_PATS_READ = "idn:all-personal-access-tokens:read";
    public static final String ALL_PATS_MANAGE = "idn:all-personal-access-tokens:manage";
    public static final String AUTH_USERS_READ = "idn:auth-users:read";
    public static final String AUTH_USERS_MANAGE = "idn:auth-users:manage";
    public static final String IDENTITIES_READ = "idn:identities:read";
    public static final String IDENTITIES_MANAGE = "idn:identities:manage";
    public static final String VIRTUAL_APPLIANCES_READ = "idn:virtual-appliances:read";
    public static final String VIRTUAL_APPLIANCES_MANAGE = "idn:virtual-appliances:manage";
    public static final String AUDIT_READ = "idn:audit:read";
    public static final String READ_MODELS_REBUILD = "idn:read-models:rebuild";
    /** Scraping the service's metrics ({@code /actuator/prometheus}). */
    public static final String METRICS_READ = "idn:metrics:read";
    public static final String CREDENTIAL_LEAKS_REPORT = "idn:credential-leaks:report";
    public static final String WEBHOOKS_READ = "idn:webhooks:read";
    public static final String WEBHOOKS_MANAGE = "idn:webhooks:manage";
    /** A person's own account: who they are, the clients they let act for them. */
    public static final String MY_ACCOUNT_READ = "idn:my-account:read";
    public static final String MY_ACCOUNT_MANAGE = "idn:my-account:manage";
    /** The tenant's sign-in rules (lockout, strong authentication). */
    public static final String AUTH_ORG_READ = "idn:auth-org:read";
    public static final String AUTH_ORG_MANAGE = "idn:auth-org:manage";

    private Rights() {
    }
}
