package dev.idcred.query.identity;

import dev.idcred.query.support.Documents;
import dev.idcred.shared.common.NetworkRules;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/** An identity: who it is, what kind of account, until when a vendor account may access the tenant. */
public record IdentityView(String id, String name, String username, String kind, Instant tenantAccessExpiresAt,
                           NetworkRules networkRules, Instant created, Instant modified) {

    static IdentityView of(Document d) {
        Document rules = d.get("networkRules", Document.class);
        NetworkRules networkRules = rules == null ? new NetworkRules(List.of(), List.of())
                : new NetworkRules(Documents.strings(rules, "allowedCidrs"), Documents.strings(rules, "allowedCountries"));
        return new IdentityView(d.getString("_id"), d.getString("name"), d.getString("username"), d.getString("kind"),
                Documents.instant(d, "tenantAccessExpiresAt"), networkRules, Documents.instant(d, "created"),
                Documents.instant(d, "modified"));
    }
}
