package dev.idcred.console;

/** The rights the console's pages and actions depend on (the service's rights catalogue names them). */
final class Rights {

    static final String CLIENTS_READ = "idn:oauth-clients:read";
    static final String CLIENTS_MANAGE = "idn:oauth-clients:manage";
    static final String MY_PATS_READ = "idn:my-personal-access-tokens:read";
    static final String MY_PATS_MANAGE = "idn:my-personal-access-tokens:manage";
    static final String ALL_PATS_READ = "idn:all-personal-access-tokens:read";
    static final String ALL_PATS_MANAGE = "idn:all-personal-access-tokens:manage";
    static final String IDENTITIES_READ = "idn:identities:read";
    static final String IDENTITIES_MANAGE = "idn:identities:manage";
    static final String AUTH_USERS_READ = "idn:auth-users:read";
    static final String AUTH_USERS_MANAGE = "idn:auth-users:manage";
    static final String AUDIT_READ = "idn:audit:read";

    private Rights() {
    }
}
