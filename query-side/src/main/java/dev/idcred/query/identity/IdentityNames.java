package dev.idcred.query.identity;

import dev.idcred.query.support.ReadModels;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Display names of identities, for views that show an owner (read from the identities read model by id). */
@Component
public class IdentityNames {

    private final ReadModels readModels;

    public IdentityNames(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Map<String, String> namesOf(Collection<String> identityIds) {
        var names = new HashMap<String, String>();
        for (Document d : readModels.documents(IdentityProjection.COLLECTION).getAll(identityIds)) {
            names.put(d.getString("_id"), d.getString("name"));
        }
        return names;
    }
}
