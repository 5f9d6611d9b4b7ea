package dev.idcred.query.support;

import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.shared.common.PageRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/** Pages through the live documents of a collection, oldest first, with the listings' lastUsed filter. */
public final class Listing {

    private Listing() {
    }

    /** A window of views, and the total when counting was asked for (else -1). */
    public record Window<T>(List<T> items, long total) {
    }

    public static <T> Window<T> page(MongoCollection<Document> collection, Bson filter, LastUsedFilter lastUsed,
                                     PageRequest page, Function<Document, T> view) {
        var conditions = new ArrayList<Bson>();
        conditions.add(Filters.eq(VersionedCollection.DELETED, false));
        if (filter != null) {
            conditions.add(filter);
        }
        if (lastUsed != null && lastUsed.neverUsed()) {
            conditions.add(Filters.eq("lastUsed", null));
        }
        if (lastUsed != null && lastUsed.usedAtOrBefore() != null) {
            conditions.add(Filters.lte("lastUsed", Date.from(lastUsed.usedAtOrBefore())));
        }
        Bson query = Filters.and(conditions);
        List<T> items = collection.find(query)
                .sort(Sorts.ascending("created", "_id"))
                .skip(page.offset())
                .limit(page.limit())
                .map(view::apply)
                .into(new ArrayList<>());
        long total = page.countTotal() ? collection.countDocuments(query) : -1;
        return new Window<>(items, total);
    }
}
