package dev.idcred.query.appliance;

import dev.idcred.query.support.ListingParameters;
import dev.idcred.query.support.Queries;
import dev.idcred.shared.appliance.ListVirtualAppliances;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Lists virtual appliances: {@code GET /v3/virtual-appliances}. */
@RestController
class VirtualApplianceQueryController {

    private final Queries queries;

    VirtualApplianceQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/v3/virtual-appliances")
    ResponseEntity<List<VirtualApplianceView>> list(@RequestParam(required = false) Integer limit,
                                                    @RequestParam(required = false) Integer offset,
                                                    @RequestParam(required = false) Boolean count) {
        VirtualAppliancePage page = queries.page(
                new ListVirtualAppliances(ListingParameters.page(limit, offset, count)), VirtualAppliancePage.class);
        return ResponseEntity.ok().headers(ListingParameters.totalCount(page)).body(page.items());
    }
}
