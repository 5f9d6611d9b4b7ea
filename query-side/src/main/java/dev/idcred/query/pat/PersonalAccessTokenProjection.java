package dev.idcred.query.pat;

import dev.idcred.query.identity.IdentityNames;
import dev.idcred.query.support.DocumentStore;
import dev.idcred.query.support.Documents;
import dev.idcred.query.support.OrderedListing;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModels;
import dev.idcred.query.support.ViewDocuments;
import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.credential.PersonalAccessTokenUsed;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.pat.ListPersonalAccessTokens;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static dev.idcred.query.support.Documents.date;

/**
 * The Personal Access Tokens page: every live token with its owner, scope and when it was last used, in one ordered
 * listing for those who read every owner's tokens, and per owner (at most ten live tokens each) for everyone else.
 */
@Component
@ProcessingGroup(PersonalAccessTokenProjection.GROUP)
public class PersonalAccessTokenProjection implements Projection {

    public static final String GROUP = "personal-access-tokens";
    private static final String COLLECTION = "personal_access_tokens";
    private static final String TOKENS = "tokens";
    private static final String OWNERS = "personal_access_tokens_by_owner";

    private final ReadModels readModels;
    private final OrderedListing tokens;
    private final IdentityNames identityNames;

    public PersonalAccessTokenProjection(ReadModels readModels, IdentityNames identityNames) {
        this.readModels = readModels;
        this.tokens = new OrderedListing(readModels, COLLECTION);
        this.identityNames = identityNames;
    }

    @Override
    public Map<String, String> mirrors() {
        return Map.of("PersonalAccessToken", COLLECTION);
    }

    @Override
    public List<String> mismatches(Collection<String> aggregateIds) {
        var mismatches = new ArrayList<>(tokens.mismatches(aggregateIds));
        for (String id : aggregateIds) {
            Document token = tokens.document(id);
            if (token != null && isListedUnderItsOwner(token) == token.getBoolean(ViewDocuments.DELETED, false)) {
                mismatches.add(OWNERS + "/" + token.getString("ownerId") + "/" + id);
            }
        }
        return mismatches;
    }

    @Override
    public Projection into(ReadModels generation) {
        return new PersonalAccessTokenProjection(generation, new IdentityNames(generation));
    }

    @EventHandler
    void on(PersonalAccessTokenCreated event, @SequenceNumber long version) {
        tokens.add(event.tokenId(), version, new Document("ownerId", event.ownerId())
                .append("name", event.name())
                .append("scope", event.scope())
                .append("accessTokenValiditySeconds", event.accessTokenValiditySeconds())
                .append("created", date(event.createdAt()))
                .append(OrderedListing.LAST_USED, null)
                .append(OrderedListing.EXPIRES_AT, date(event.expiresAt())));
        listUnderItsOwner(event.tokenId());
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated event, @SequenceNumber long version) {
        tokens.update(event.tokenId(), version, pat -> pat.append("name", event.name())
                .put("scope", event.scope()));
    }

    @EventHandler
    void on(PersonalAccessTokenUsed event, @SequenceNumber long version) {
        tokens.update(event.tokenId(), version,
                pat -> pat.put(OrderedListing.LAST_USED, date(event.usedAt())));
    }

    @EventHandler
    void on(SecretRotated event, @SequenceNumber long version) {
        if (event.kind() == CredentialKind.PERSONAL_ACCESS_TOKEN) {
            tokens.update(event.credentialId(), version,
                    pat -> pat.put(OrderedListing.EXPIRES_AT, date(event.expiresAt())));
        }
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted event, @SequenceNumber long version) {
        tokens.remove(event.tokenId(), version);
        listUnderItsOwner(event.tokenId());
    }

    @QueryHandler
    PersonalAccessTokenPage list(ListPersonalAccessTokens query) {
        OrderedListing.Window page = query.ownerId() == null ? tokens.page(query.filter(), query.page())
                : ofOwner(query.ownerId(), query.filter(), query.page());
        Map<String, String> names = identityNames.namesOf(page.items().stream()
                .map(d -> d.getString("ownerId")).distinct().toList());
        return new PersonalAccessTokenPage(page.items().stream().map(d -> view(d, names)).toList(), page.total());
    }

    /**
     * An owner's index lists its live tokens, at most ten: made from each token's own document, so whatever order
     * the events of different tokens arrive in, it lists exactly the live ones.
     */
    private void listUnderItsOwner(String tokenId) {
        Document token = tokens.document(tokenId);
        if (token == null) {
            return;
        }
        DocumentStore owners = readModels.documents(OWNERS);
        String ownerId = token.getString("ownerId");
        Document owner = owners.get(ownerId);
        List<String> listed = owner == null ? new ArrayList<>() : new ArrayList<>(Documents.strings(owner, TOKENS));
        boolean live = !token.getBoolean(ViewDocuments.DELETED, false);
        if (live == listed.contains(tokenId)) {
            return;
        }
        if (live) {
            listed.add(tokenId);
        } else {
            listed.remove(tokenId);
        }
        listed.sort(null);
        owners.put(new Document("_id", ownerId).append(TOKENS, listed));
    }

    private boolean isListedUnderItsOwner(Document token) {
        Document owner = readModels.documents(OWNERS).get(token.getString("ownerId"));
        return owner != null && Documents.strings(owner, TOKENS).contains(token.getString("_id"));
    }

    /** An owner's tokens, oldest first: its index lists at most ten, read in one query by id. */
    private OrderedListing.Window ofOwner(String ownerId, ListingFilter filter, PageRequest page) {
        Document owner = readModels.documents(OWNERS).get(ownerId);
        List<String> ids = owner == null ? List.of() : Documents.strings(owner, TOKENS);
        List<Document> live = new ArrayList<>();
        for (Document token : readModels.documents(COLLECTION).getAll(ids)) {
            if (!token.getBoolean(ViewDocuments.DELETED, false)) {
                live.add(token);
            }
        }
        live.sort(OrderedListing.OLDEST_FIRST);
        List<Document> matching = live.stream()
                .filter(OrderedListing.matching(filter == null ? ListingFilter.NONE : filter)).toList();
        List<Document> window = matching.stream().skip(page.offset()).limit(page.limit()).toList();
        return new OrderedListing.Window(window, page.countTotal() ? matching.size() : -1);
    }

    private static PersonalAccessTokenView view(Document d, Map<String, String> ownerNames) {
        String ownerId = d.getString("ownerId");
        return new PersonalAccessTokenView(d.getString("_id"), d.getString("name"), Documents.strings(d, "scope"),
                new PersonalAccessTokenView.Owner("IDENTITY", ownerId, ownerNames.get(ownerId)),
                Documents.instant(d, "created"), Documents.instant(d, "lastUsed"),
                d.getInteger("accessTokenValiditySeconds"), false, Documents.instant(d, "expiresAt"));
    }
}
