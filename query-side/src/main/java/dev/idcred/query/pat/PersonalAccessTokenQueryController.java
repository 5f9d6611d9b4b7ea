package dev.idcred.query.pat;

import dev.idcred.access.gate.Caller;
import dev.idcred.query.exposure.ExposureView;
import dev.idcred.query.exposure.SecretVersionsView;
import dev.idcred.query.scope.EffectiveScopeView;
import dev.idcred.query.support.ListingParameters;
import dev.idcred.query.support.Queries;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.hygiene.FindSecretVersions;
import dev.idcred.shared.pat.ListPersonalAccessTokens;
import dev.idcred.shared.policy.CredentialPolicy;
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

/**
 * Lists personal access tokens and shows what each holds, held and did. Whose tokens a caller may see is the
 * credential policy's to say ({@link CredentialPolicy#mayReadTokensOf}, {@link CredentialPolicy#mayReviewExposureOf}),
 * asked with the owner each answer names: {@code owner-id=me} (or the caller's own id) needs
 * {@code idn:my-personal-access-tokens:read}; another owner, or every owner (no {@code owner-id}), needs
 * {@code idn:all-personal-access-tokens:read}, as in the v3 API; another's token answers 404.
 */
@RestController
@RequestMapping("/v3/personal-access-tokens")
class PersonalAccessTokenQueryController {

    private final Queries queries;
    private final CredentialPolicy policy;

    PersonalAccessTokenQueryController(Queries queries, CredentialPolicy policy) {
        this.queries = queries;
        this.policy = policy;
    }

    /**
     * What the token may do now, or at {@code at} (computed from the event log). Another identity's token answers
     * 404 unless the caller may read every identity's tokens.
     */
    @GetMapping("/{id}/effective-scope")
    EffectiveScopeView effectiveScope(@PathVariable String id, @RequestParam(required = false) String at,
                                      Caller caller) {
        Instant instant = ListingParameters.instant("at", at);
        Object query = instant == null ? new FindEffectiveScope(id, CredentialKind.PERSONAL_ACCESS_TOKEN)
                : new FindEffectiveScopeAt(id, CredentialKind.PERSONAL_ACCESS_TOKEN, instant);
        return queries.one(query, EffectiveScopeView.class)
                .filter(view -> policy.mayReadTokensOf(caller.actor(), view.ownerId()))
                .orElseThrow(() -> notFound(id));
    }

    /** Its secret versions (never their hashes); another identity's token answers 404 as above. */
    @GetMapping("/{id}/secrets")
    SecretVersionsView secrets(@PathVariable String id, Caller caller) {
        return queries.one(new FindSecretVersions(id, CredentialKind.PERSONAL_ACCESS_TOKEN), SecretVersionsView.class)
                .filter(view -> policy.mayReadTokensOf(caller.actor(), view.ownerId()))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * What it could do and did between {@code from} (default: its creation) and {@code to} (default: now): for its
     * owner, or for those who read every identity's tokens or the audit trail.
     */
    @GetMapping("/{id}/exposure")
    ExposureView exposure(@PathVariable String id, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, Caller caller) {
        return queries.one(ListingParameters.exposure(id, CredentialKind.PERSONAL_ACCESS_TOKEN, from, to)
                .ownedBy(policy.exposureLimitedTo(caller.actor())), ExposureView.class).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(String id) {
        return new DomainException(ErrorCode.NOT_FOUND, "No such personal access token: " + id);
    }

    @GetMapping
    ResponseEntity<List<PersonalAccessTokenView>> list(@RequestParam(name = "owner-id", required = false) String ownerId,
                                                       @RequestParam(required = false) String filters,
                                                       @RequestParam(required = false) Integer limit,
                                                       @RequestParam(required = false) Integer offset,
                                                       @RequestParam(required = false) Boolean count,
                                                       Caller caller) {
        String owner = ownerId == null || ownerId.isBlank() ? null : caller.resolve(ownerId.strip());
        boolean ownTokens = caller.identityId().equals(owner);
        if (!policy.mayReadTokensOf(caller.actor(), owner)) {
            throw new DomainException(ErrorCode.FORBIDDEN, ownTokens
                    ? "Listing your tokens needs " + Rights.MY_PATS_READ
                    : "Listing other identities' tokens needs " + Rights.ALL_PATS_READ);
        }
        PersonalAccessTokenPage page = queries.page(new ListPersonalAccessTokens(owner,
                ListingParameters.filter(filters), ListingParameters.page(limit, offset, count)),
                PersonalAccessTokenPage.class);
        return ResponseEntity.ok().headers(ListingParameters.totalCount(page)).body(page.items());
    }
}
