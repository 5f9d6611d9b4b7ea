package dev.idcred.query.identity;

import dev.idcred.access.tenant.TenantProperties;
import dev.idcred.query.support.ListingParameters;
import dev.idcred.query.support.Queries;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.identity.FindIdentity;
import dev.idcred.shared.identity.ListIdentities;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Reads identities ({@code /v3/identities}) and auth users with their user levels ({@code /v3/auth-users}). */
@RestController
class IdentityQueryController {

    private final Queries queries;
    private final String tenant;

    IdentityQueryController(Queries queries, TenantProperties tenant) {
        this.queries = queries;
        this.tenant = tenant.name();
    }

    @GetMapping("/v3/identities")
    ResponseEntity<List<IdentityView>> list(@RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) Integer offset,
                                            @RequestParam(required = false) Boolean count) {
        IdentityPage page = queries.page(new ListIdentities(ListingParameters.page(limit, offset, count)),
                IdentityPage.class);
        return ResponseEntity.ok().headers(ListingParameters.totalCount(page)).body(page.items());
    }

    @GetMapping("/v3/identities/{id}")
    IdentityView get(@PathVariable String id) {
        return IdentityView.of(find(id));
    }

    @GetMapping("/v3/auth-users/{id}")
    AuthUserView authUser(@PathVariable String id) {
        return AuthUserView.of(tenant, find(id));
    }

    private Document find(String id) {
        return queries.one(new FindIdentity(id), Document.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such identity: " + id));
    }
}
