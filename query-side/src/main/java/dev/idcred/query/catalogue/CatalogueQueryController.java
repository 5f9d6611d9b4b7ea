package dev.idcred.query.catalogue;

import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v3/rights-catalogue}: the rights credentials may be scoped to, what each user level grants and what
 * every identity holds, for any caller with a valid token (it is what a scope picker offers; it reveals nothing of
 * anyone's credentials).
 */
@RestController
class CatalogueQueryController {

    /** The catalogue as a client needs it: rights and levels sorted, the two special scopes named. */
    record CatalogueView(List<String> rights, Map<String, List<String>> levels, List<String> everyIdentity,
                         String allScope, String defaultScope) {
    }

    private final RightsCatalogue catalogue;

    CatalogueQueryController(RightsCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/v3/rights-catalogue")
    CatalogueView catalogue() {
        var levels = new TreeMap<String, List<String>>();
        catalogue.levels().forEach((level, rights) -> levels.put(level, rights.contains(RightsCatalogue.EVERY_RIGHT)
                ? List.of(RightsCatalogue.EVERY_RIGHT) : rights.stream().sorted().toList()));
        return new CatalogueView(catalogue.rights().stream().sorted().toList(), levels,
                catalogue.everyIdentity().stream().sorted().toList(), Scopes.ALL, Scopes.DEFAULT);
    }
}
