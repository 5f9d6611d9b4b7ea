package dev.idcred.query.apiclient;

import dev.idcred.query.exposure.ExposureView;
import dev.idcred.query.exposure.SecretVersionsView;
import dev.idcred.query.scope.EffectiveScopeView;
import dev.idcred.query.support.ListingParameters;
import dev.idcred.query.support.Queries;
import dev.idcred.shared.apiclient.FindApiClient;
import dev.idcred.shared.apiclient.ListApiClients;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.hygiene.FindSecretVersions;
import dev.idcred.shared.scope.FindEffectiveScope;
import dev.idcred.shared.scope.FindEffectiveScopeAt;
import dev.idcred.shared.usage.CredentialKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Reads API clients: {@code GET /v3/oauth-clients[/{id}]}. */
@RestController
@RequestMapping("/v3/oauth-clients")
class ApiClientQueryController {

    private final Queries queries;

    ApiClientQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    ResponseEntity<List<ApiClientView>> list(@RequestParam(required = false) String filters,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) Integer offset,
                                             @RequestParam(required = false) Boolean count) {
        ApiClientPage page = queries.page(new ListApiClients(ListingParameters.filter(filters),
                ListingParameters.page(limit, offset, count)), ApiClientPage.class);
        return ResponseEntity.ok().headers(ListingParameters.totalCount(page)).body(page.items());
    }

    /** What the client may do now, or at {@code at} (computed from the event log). */
    @GetMapping("/{id}/effective-scope")
    EffectiveScopeView effectiveScope(@PathVariable String id, @RequestParam(required = false) String at) {
        Instant instant = ListingParameters.instant("at", at);
        Object query = instant == null ? new FindEffectiveScope(id, CredentialKind.API_CLIENT)
                : new FindEffectiveScopeAt(id, CredentialKind.API_CLIENT, instant);
        return queries.one(query, EffectiveScopeView.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such API client: " + id));
    }

    /** Its secret versions (never their hashes): when made, until when valid, last used, leaked. */
    @GetMapping("/{id}/secrets")
    SecretVersionsView secrets(@PathVariable String id) {
        return queries.one(new FindSecretVersions(id, CredentialKind.API_CLIENT), SecretVersionsView.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such API client: " + id));
    }

    /** What it could do and did between {@code from} (default: its creation) and {@code to} (default: now). */
    @GetMapping("/{id}/exposure")
    ExposureView exposure(@PathVariable String id, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to) {
        return queries.one(ListingParameters.exposure(id, CredentialKind.API_CLIENT, from, to), ExposureView.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such API client: " + id));
    }

    @GetMapping("/{id}")
    ApiClientView get(@PathVariable String id) {
        return queries.one(new FindApiClient(id), ApiClientView.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such API client: " + id));
    }
}
