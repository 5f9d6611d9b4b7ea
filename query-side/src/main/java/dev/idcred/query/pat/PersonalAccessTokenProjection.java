package dev.idcred.query.pat;

import dev.idcred.query.identity.IdentityNames;
import dev.idcred.query.support.Documents;
import dev.idcred.query.support.Listing;
import dev.idcred.query.support.VersionedCollection;
import dev.idcred.shared.pat.ListPersonalAccessTokens;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.pat.PersonalAccessTokenUsed;
import dev.idcred.query.support.ReadModels;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Map;

import static dev.idcred.query.support.Documents.date;

/** The Personal Access Tokens page: every live token with its owner, scope and when it was last used. */
@Component
@ProcessingGroup("personal-access-tokens")
public class PersonalAccessTokenProjection {

    private final VersionedCollection tokens;
    private final IdentityNames identityNames;

    public PersonalAccessTokenProjection(ReadModels readModels, IdentityNames identityNames) {
        this.tokens = new VersionedCollection(readModels, "personal_access_tokens", "ownerId", "created",
                "lastUsed");
        this.identityNames = identityNames;
    }

    @EventHandler
    void on(PersonalAccessTokenCreated event, @SequenceNumber long sequence) {
        tokens.create(event.tokenId(), sequence, new Document("ownerId", event.ownerId())
                .append("name", event.name())
                .append("scope", event.scope())
                .append("accessTokenValiditySeconds", event.accessTokenValiditySeconds())
                .append("created", date(event.createdAt()))
                .append("lastUsed", null));
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated event, @SequenceNumber long sequence) {
        tokens.update(event.tokenId(), sequence, token -> token.append("name", event.name())
                .put("scope", event.scope()));
    }

    @EventHandler
    void on(PersonalAccessTokenUsed event, @SequenceNumber long sequence) {
        tokens.update(event.tokenId(), sequence, token -> token.put("lastUsed", date(event.usedAt())));
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted event, @SequenceNumber long sequence) {
        tokens.markDeleted(event.tokenId(), sequence);
    }

    @QueryHandler
    PersonalAccessTokenPage list(ListPersonalAccessTokens query) {
        Listing.Window<Document> page = Listing.page(tokens.raw(),
                query.ownerId() == null ? null : Filters.eq("ownerId", query.ownerId()),
                query.filter(), query.page(), d -> d);
        Map<String, String> owners = identityNames.namesOf(page.items().stream()
                .map(d -> d.getString("ownerId")).distinct().toList());
        return new PersonalAccessTokenPage(page.items().stream().map(d -> view(d, owners)).toList(), page.total());
    }

    private static PersonalAccessTokenView view(Document d, Map<String, String> ownerNames) {
        String ownerId = d.getString("ownerId");
        return new PersonalAccessTokenView(d.getString("_id"), d.getString("name"), Documents.strings(d, "scope"),
                new PersonalAccessTokenView.Owner("IDENTITY", ownerId, ownerNames.get(ownerId)),
                Documents.instant(d, "created"), Documents.instant(d, "lastUsed"),
                d.getInteger("accessTokenValiditySeconds"), false);
    }
}
