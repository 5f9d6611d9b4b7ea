package dev.idcred.console;

/** Which pages the signed-in credential may open: the navigation bar shows only these. */
public record Navigation(boolean apiClients, boolean tokens, boolean identities, boolean audit) {

    static Navigation of(SignedIn me) {
        return new Navigation(me.holdsAny(Rights.CLIENTS_READ, Rights.CLIENTS_MANAGE),
                me.holdsAny(Rights.MY_PATS_READ, Rights.ALL_PATS_READ),
                me.holdsAny(Rights.IDENTITIES_READ, Rights.IDENTITIES_MANAGE),
                me.holds(Rights.AUDIT_READ));
    }

    String firstPage() {
        if (apiClients) {
            return "/console/api-clients";
        }
        if (tokens) {
            return "/console/tokens";
        }
        if (identities) {
            return "/console/identities";
        }
        return audit ? "/console/audit" : "/console/nothing";
    }
}
