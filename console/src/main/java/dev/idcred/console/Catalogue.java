package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The service's rights catalogue, for scope pickers and level pickers. */
record Catalogue(List<String> rights, Map<String, List<String>> levels, List<String> everyIdentity) {

    static final String ALL = "sp:scopes:all";
    static final String DEFAULT = "sp:scopes:default";

    static Catalogue read(ServiceApi api) {
        JsonNode body = api.get("/v3/rights-catalogue");
        var levels = new LinkedHashMap<String, List<String>>();
        body.path("levels").fields().forEachRemaining(level -> levels.put(level.getKey(), strings(level.getValue())));
        return new Catalogue(strings(body.path("rights")), levels, strings(body.path("everyIdentity")));
    }

    /** The rights an identity holding these levels has: what its tokens may be scoped to. */
    List<String> rightsOf(Collection<String> heldLevels) {
        var held = new TreeSet<>(everyIdentity);
        for (String level : heldLevels) {
            List<String> granted = levels.getOrDefault(level, List.of());
            if (granted.contains("*")) {
                return rights;
            }
            held.addAll(granted);
        }
        return new ArrayList<>(held);
    }

    static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
