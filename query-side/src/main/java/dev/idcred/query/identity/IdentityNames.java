package dev.idcred.query.identity;

import dev.idcred.query.support.ReadModels;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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
        if (identityIds.isEmpty()) {
            return names;
        }
        for (Document d : readModels.collection(IdentityProjection.COLLECTION)
                .find(Filters.in("_id", identityIds)).projection(Projections.include("name"))) {
            names.put(d.getString("_id"), d.getString("name"));
        }
        return names;
    }
}
