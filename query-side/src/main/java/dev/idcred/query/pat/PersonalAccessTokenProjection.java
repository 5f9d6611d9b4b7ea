package dev.idcred.query.pat;

import dev.idcred.query.identity.IdentityNames;
import dev.idcred.query.support.Documents;
import dev.idcred.query.support.OrderedListing;
import dev.idcred.query.support.Positions;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModels;
import dev.idcred.query.support.ViewDocuments;
import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.pat.ListPersonalAccessTokens;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.pat.PersonalAccessTokenUsed;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
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
    private static final String TOKENS = "tokens";

    private final ReadModels readModels;
    private final OrderedListing tokens;
    private final ViewDocuments owners;
    private final IdentityNames identityNames;

    public PersonalAccessTokenProjection(ReadModels readModels, IdentityNames identityNames) {
        this.readModels = readModels;
        this.tokens = new OrderedListing(readModels, "personal_access_tokens");
        this.owners = new ViewDocuments(readModels, "personal_access_tokens_by_owner");
        this.identityNames = identityNames;
    }

    @Override
    public Map<String, String> mirrors() {
        return Map.of("PersonalAccessToken", "personal_access_tokens");
    }

    @Override
    public Projection into(ReadModels generation) {
        return new PersonalAccessTokenProjection(generation, new IdentityNames(generation));
    }

    @EventHandler
    void on(PersonalAccessTokenCreated event, TrackingToken token) {
        long position = Positions.of(token);
        tokens.add(event.tokenId(), position, new Document("ownerId", event.ownerId())
                .append("name", event.name())
                .append("scope", event.scope())
                .append("accessTokenValiditySeconds", event.accessTokenValiditySeconds())
                .append("created", date(event.createdAt()))
                .append(OrderedListing.LAST_USED, null));
        if (!owners.update(event.ownerId(), position, owner -> owner.put(TOKENS,
                with(Documents.strings(owner, TOKENS), event.tokenId())))) {
            owners.create(event.ownerId(), position, new Document(TOKENS, List.of(event.tokenId())));
        }
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated event, TrackingToken token) {
        tokens.update(event.tokenId(), Positions.of(token), pat -> pat.append("name", event.name())
                .put("scope", event.scope()));
    }

    @EventHandler
    void on(PersonalAccessTokenUsed event, TrackingToken token) {
        tokens.update(event.tokenId(), Positions.of(token),
                pat -> pat.put(OrderedListing.LAST_USED, date(event.usedAt())));
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted event, TrackingToken token) {
        long position = Positions.of(token);
        tokens.remove(event.tokenId(), position);
        owners.update(event.ownerId(), position, owner -> {
            var live = new ArrayList<>(Documents.strings(owner, TOKENS));
            live.remove(event.tokenId());
            owner.put(TOKENS, live);
        });
    }

    @QueryHandler
    PersonalAccessTokenPage list(ListPersonalAccessTokens query) {
        OrderedListing.Window page = query.ownerId() == null ? tokens.page(query.filter(), query.page())
                : ofOwner(query.ownerId(), query.filter(), query.page());
        Map<String, String> names = identityNames.namesOf(page.items().stream()
                .map(d -> d.getString("ownerId")).distinct().toList());
        return new PersonalAccessTokenPage(page.items().stream().map(d -> view(d, names)).toList(), page.total());
    }

    /** An owner's tokens, oldest first: its index lists at most ten, read in one query by id. */
    private OrderedListing.Window ofOwner(String ownerId, LastUsedFilter filter, PageRequest page) {
        Document owner = owners.get(ownerId);
        List<String> ids = owner == null ? List.of() : Documents.strings(owner, TOKENS);
        Map<String, Document> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            readModels.collection("personal_access_tokens").find(Filters.in("_id", ids))
                    .forEach(d -> byId.put(d.getString("_id"), d));
        }
        List<Document> matching = ids.stream().map(byId::get)
                .filter(d -> d != null && !d.getBoolean(ViewDocuments.DELETED, false))
                .filter(OrderedListing.matching(filter == null ? LastUsedFilter.NONE : filter)).toList();
        List<Document> window = matching.stream().skip(page.offset()).limit(page.limit()).toList();
        return new OrderedListing.Window(window, page.countTotal() ? matching.size() : -1);
    }

    private static List<String> with(List<String> ids, String id) {
        var copy = new ArrayList<>(ids);
        if (!copy.contains(id)) {
            copy.add(id);
        }
        return copy;
    }

    private static PersonalAccessTokenView view(Document d, Map<String, String> ownerNames) {
        String ownerId = d.getString("ownerId");
        return new PersonalAccessTokenView(d.getString("_id"), d.getString("name"), Documents.strings(d, "scope"),
                new PersonalAccessTokenView.Owner("IDENTITY", ownerId, ownerNames.get(ownerId)),
                Documents.instant(d, "created"), Documents.instant(d, "lastUsed"),
                d.getInteger("accessTokenValiditySeconds"), false);
    }
}
