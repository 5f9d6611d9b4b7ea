package dev.idcred.query.identity;

import org.bson.Document;

import java.util.List;
import java.util.TreeSet;

/** The v3 API's auth user: an identity and the user levels (capabilities) it holds. */
public record AuthUserView(String tenant, String id, String uid, String profile, String displayName, String alias,
                           List<String> capabilities) {

    static AuthUserView of(String tenant, Document d) {
        String id = d.getString("_id");
        String name = d.getString("name");
        return new AuthUserView(tenant, id, id, d.getString("kind"), name, name,
                List.copyOf(new TreeSet<>(d.getList("levels", String.class, List.of()))));
    }
}
