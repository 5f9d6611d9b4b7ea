package dev.idcred.query.support;

import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A listing, oldest first ({@code created}, then id), whose every page costs a few reads by id however long it grows.
 * Each item has a document of its own (by id, for lookups) that remembers its aggregate's last event applied to it.
 * The listing's pages ({@code <name>_pages}) hold the items themselves, in order: a page starts at every item whose id
 * hashes to a multiple of {@value #MEAN_PAGE_SIZE} (a "marker", so about one in {@value #MEAN_PAGE_SIZE}), and a
 * summary holds each page's first item, count, and when its items were last used. A window at any offset reads the
 * summary and the one or two pages it spans; a {@code lastUsed} filter skips every page its summary shows cannot match.
 *
 * <p>The pages are a function of the set of live items alone: whatever order the events of different items arrive in,
 * whatever part of a batch a crash cut short, however often an event is applied again, they come out exactly as a
 * rebuild from the log makes them. Every event is applied to its item's document (once), and then the pages are made
 * to show that document as it is: its entry where it belongs, a page of its own if it is a marker (holding what
 * followed it), none if it is deleted (a marker's page then joins the page before).
 */
public final class OrderedListing {

    static final int MEAN_PAGE_SIZE = 64;
    public static final String LAST_USED = "lastUsed";
    public static final String EXPIRES_AT = "expiresAt";
    private static final String CREATED = "created";
    private static final String SUMMARY = "summary";
    private static final String PAGES = "pages";
    private static final String ITEMS = "items";
    private static final String HEAD = "head";
    /** The listing's order: oldest first, then by id. */
    public static final Comparator<Document> OLDEST_FIRST = Comparator
            .comparing((Document d) -> d.getDate(CREATED), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(d -> (String) d.get("_id"));

    /** A window of a listing, and the number of matching items in all (-1 unless asked). */
    public record Window(List<Document> items, long total) {
    }

    private final ReadModels readModels;
    private final String name;
    private final ViewDocuments items;

    public OrderedListing(ReadModels readModels, String name) {
        this.readModels = readModels;
        this.name = name;
        this.items = new ViewDocuments(readModels, name);
    }

    /** Lists an item created by its aggregate's event {@code version}; {@code view} is what the listing shows. */
    public void add(String id, long version, Document view) {
        items.create(id, version, view);
        showAsItIs(id);
    }

    /** Applies the change of the aggregate's event {@code version} to the item and to its entry. */
    public void update(String id, long version, Consumer<Document> change) {
        items.update(id, version, change);
        showAsItIs(id);
    }

    /** Takes the item deleted by its aggregate's event {@code version} off the listing; its document stays. */
    public void remove(String id, long version) {
        items.markDeleted(id, version);
        showAsItIs(id);
    }

    /** The live item by id, or null. */
    public Document get(String id) {
        return items.live(id);
    }

    /** The item's document by id, live or deleted, or null. */
    public Document document(String id) {
        return items.get(id);
    }

    /** Where the pages disagree with the items' documents, for these items: empty while the listing is whole. */
    public List<String> mismatches(Collection<String> ids) {
        List<Document> summary = summary();
        var mismatches = new ArrayList<String>();
        for (String id : ids) {
            Document item = items.get(id);
            if (item == null) {
                continue;
            }
            Document wanted = entryOf(item);
            Document shown = pageHolding(summary, wanted != null ? wanted : item).map(page -> entries(page).stream()
                    .filter(entry -> id.equals(entry.get("_id"))).findFirst().orElse(null)).orElse(null);
            if (!Objects.equals(shown, wanted)) {
                mismatches.add(name + "/" + id);
            }
        }
        return mismatches;
    }

    /** The items in order, {@code page.offset()} on, at most {@code page.limit()}, that match the filter. */
    public Window page(ListingFilter filter, PageRequest page) {
        ListingFilter lastUsed = filter == null ? ListingFilter.NONE : filter;
        var found = new ArrayList<Document>();
        long skip = page.offset();
        long total = 0;
        for (Document pageStats : summary()) {
            boolean filling = found.size() < page.limit();
            if (!filling && !page.countTotal()) {
                break;
            }
            long knownMatches = knownMatches(pageStats, lastUsed);
            if (knownMatches == 0) {
                continue;
            }
            if (knownMatches > 0 && (!filling || skip >= knownMatches)) {
                total += knownMatches;
                skip = filling ? skip - knownMatches : skip;
                continue;
            }
            List<Document> matching = entries(page(pageStats.getString("page"))).stream()
                    .filter(matching(lastUsed)).toList();
            total += matching.size();
            for (Document entry : matching) {
                if (skip > 0) {
                    skip--;
                } else if (found.size() < page.limit()) {
                    found.add(entry);
                }
            }
        }
        return new Window(found, page.countTotal() ? total : -1);
    }

    /** Whether an item's {@code lastUsed} or {@code expiresAt} meets the filter. */
    public static Predicate<Document> matching(ListingFilter filter) {
        if (filter.neverUsed()) {
            return entry -> entry.getDate(LAST_USED) == null;
        }
        if (filter.usedAtOrBefore() != null) {
            Date bound = Date.from(filter.usedAtOrBefore());
            return entry -> entry.getDate(LAST_USED) != null && !entry.getDate(LAST_USED).after(bound);
        }
        if (filter.expiresAtOrBefore() != null) {
            Date bound = Date.from(filter.expiresAtOrBefore());
            return entry -> entry.getDate(EXPIRES_AT) != null && !entry.getDate(EXPIRES_AT).after(bound);
        }
        return entry -> true;
    }

    /** Whether a page starts at this item: decided by its id alone, the same in every process and every rebuild. */
    static boolean isMarker(String id) {
        return Math.floorMod(id.hashCode(), MEAN_PAGE_SIZE) == 0;
    }

    /** Makes the pages show the item's document as it is. */
    private void showAsItIs(String id) {
        Document item = items.get(id);
        if (item == null) {
            return;
        }
        Document wanted = entryOf(item);
        var changed = new Changes(summary());
        if (isMarker(id) && wanted != null) {
            changed.openPageAt(wanted);
        } else if (isMarker(id)) {
            changed.closePageOf(item);
        }
        changed.show(id, item, wanted);
        changed.write();
    }

    /** The pages one event changes, read once, written once. */
    private final class Changes {

        private final List<Document> summary;
        private final Map<String, List<Document>> pages = new LinkedHashMap<>();

        private Changes(List<Document> summary) {
            this.summary = new ArrayList<>(summary);
        }

        /**
         * A live marker heads a page of its own, holding what follows it up to the next marker: whatever the page
         * before still holds from the marker on moves into it (written before the page it leaves, so a crash between
         * the two writes leaves an item in both pages, never in none, and applying the event again finishes the move).
         */
        void openPageAt(Document marker) {
            String id = (String) marker.get("_id");
            int at = indexOf(id);
            int before = at >= 0 ? at - 1 : lastPageBefore(marker, true);
            if (before >= 0) {
                String host = summary.get(before).getString("page");
                List<Document> kept = new ArrayList<>();
                List<Document> moved = new ArrayList<>();
                for (Document entry : entries(host)) {
                    (OLDEST_FIRST.compare(entry, marker) < 0 ? kept : moved).add(entry);
                }
                if (!moved.isEmpty()) {
                    change(id, union(entries(id), moved));
                    change(host, kept);
                }
            }
            if (at < 0) {
                pages.putIfAbsent(id, entries(id));
                summary.add(before + 1, new Document("page", id).append(CREATED, marker.getDate(CREATED)));
            }
        }

        /** A deleted marker's page joins the page before it (or, for the first, the head). */
        void closePageOf(Document marker) {
            String id = (String) marker.get("_id");
            int at = indexOf(id);
            if (at < 0) {
                return;
            }
            List<Document> orphans = entries(id);
            String into = at > 0 ? summary.get(at - 1).getString("page") : HEAD;
            change(into, union(entries(into), orphans));
            change(id, new ArrayList<>());
            summary.remove(at);
            if (at == 0 && indexOf(HEAD) < 0) {
                summary.add(0, new Document("page", HEAD).append(CREATED, null));
            }
        }

        /** The item's entry where it belongs: current if live, gone if deleted. */
        void show(String id, Document item, Document wanted) {
            int at = lastPageBefore(wanted != null ? wanted : item, false);
            String page = at >= 0 ? summary.get(at).getString("page") : HEAD;
            if (at < 0 && indexOf(HEAD) < 0 && wanted != null) {
                summary.add(0, new Document("page", HEAD).append(CREATED, null));
            }
            List<Document> entries = new ArrayList<>(entries(page));
            entries.removeIf(entry -> id.equals(entry.get("_id")));
            if (wanted != null) {
                entries.add(wanted);
                entries.sort(OLDEST_FIRST);
            }
            if (!entries.equals(entries(page))) {
                change(page, entries);
            }
        }

        /** A page's new entries; pages are written in the order of their last change. */
        private void change(String page, List<Document> entries) {
            pages.remove(page);
            pages.put(page, entries);
        }

        /** Writes the changed pages (an emptied one is removed), then the summary they make. */
        void write() {
            DocumentStore store = readModels.documents(pagesName(), 1);
            boolean summaryChanged = false;
            for (Map.Entry<String, List<Document>> page : pages.entrySet()) {
                int at = indexOf(page.getKey());
                if (page.getValue().isEmpty()) {
                    store.delete(pageId(page.getKey()));
                    if (at >= 0) {
                        summary.remove(at);
                    }
                    summaryChanged = true;
                    continue;
                }
                store.put(new Document("_id", pageId(page.getKey())).append(ITEMS, page.getValue()));
                if (at >= 0) {
                    Document stats = statsOf(summary.get(at), page.getValue());
                    if (!stats.equals(summary.get(at))) {
                        summary.set(at, stats);
                        summaryChanged = true;
                    }
                }
            }
            if (summaryChanged || !summary.equals(summary())) {
                store.put(new Document("_id", SUMMARY).append(PAGES, summary));
            }
        }

        private List<Document> entries(String page) {
            return pages.containsKey(page) ? pages.get(page) : OrderedListing.this.entries(page(page));
        }

        private int indexOf(String page) {
            for (int i = 0; i < summary.size(); i++) {
                if (page.equals(summary.get(i).getString("page"))) {
                    return i;
                }
            }
            return -1;
        }

        /** The last page whose first item comes before the item (or at it, unless {@code strictly}); -1: the head. */
        private int lastPageBefore(Document item, boolean strictly) {
            int found = -1;
            for (int i = 0; i < summary.size(); i++) {
                Document first = summary.get(i);
                if (first.getString("page").equals(HEAD)) {
                    found = i;
                    continue;
                }
                int order = OLDEST_FIRST.compare(new Document("_id", first.getString("page"))
                        .append(CREATED, first.getDate(CREATED)), item);
                if (order < 0 || (order == 0 && !strictly)) {
                    found = i;
                } else {
                    break;
                }
            }
            return found;
        }
    }

    /** The page a live item belongs on (or a deleted one would), if it exists. */
    private java.util.Optional<Document> pageHolding(List<Document> summary, Document item) {
        String page = HEAD;
        for (Document first : summary) {
            if (first.getString("page").equals(HEAD)) {
                continue;
            }
            if (OLDEST_FIRST.compare(new Document("_id", first.getString("page")).append(CREATED,
                    first.getDate(CREATED)), item) <= 0) {
                page = first.getString("page");
            } else {
                break;
            }
        }
        return java.util.Optional.of(page(page));
    }

    /** The two lists of entries as one, in order, each item once (the first list's copy wins). */
    private static List<Document> union(List<Document> first, List<Document> second) {
        var byId = new LinkedHashMap<Object, Document>();
        first.forEach(entry -> byId.put(entry.get("_id"), entry));
        second.forEach(entry -> byId.putIfAbsent(entry.get("_id"), entry));
        var all = new ArrayList<>(byId.values());
        all.sort(OLDEST_FIRST);
        return all;
    }

    /** What a page shows of an item: its document less its bookkeeping; nothing for a deleted item. */
    private static Document entryOf(Document item) {
        if (item.getBoolean(ViewDocuments.DELETED, false)) {
            return null;
        }
        Document entry = new Document(item);
        entry.remove(ViewDocuments.VERSION);
        entry.remove(ViewDocuments.DELETED);
        return entry;
    }

    /** How many items of a page match, if its summary tells; -1 if only reading the page does. */
    private static long knownMatches(Document pageStats, ListingFilter filter) {
        int count = pageStats.getInteger("n", 0);
        int unused = pageStats.getInteger("unused", 0);
        if (filter.neverUsed()) {
            return unused;
        }
        if (filter.expiresAtOrBefore() != null) {
            Date soonest = pageStats.getDate("soonestExpiry");
            return soonest == null || soonest.after(Date.from(filter.expiresAtOrBefore())) ? 0 : -1;
        }
        if (filter.usedAtOrBefore() == null) {
            return count;
        }
        Date oldest = pageStats.getDate("oldest");
        Date newest = pageStats.getDate("newest");
        Date bound = Date.from(filter.usedAtOrBefore());
        if (oldest == null || oldest.after(bound)) {
            return 0;
        }
        return newest.after(bound) ? -1 : count - unused;
    }

    private static Document statsOf(Document first, List<Document> entries) {
        int unused = 0;
        Date oldest = null;
        Date newest = null;
        Date soonestExpiry = null;
        for (Document entry : entries) {
            Date expiry = entry.getDate(EXPIRES_AT);
            if (expiry != null && (soonestExpiry == null || expiry.before(soonestExpiry))) {
                soonestExpiry = expiry;
            }
            Date used = entry.getDate(LAST_USED);
            if (used == null) {
                unused++;
            } else {
                oldest = oldest == null || used.before(oldest) ? used : oldest;
                newest = newest == null || used.after(newest) ? used : newest;
            }
        }
        return new Document("page", first.getString("page")).append(CREATED, first.getDate(CREATED))
                .append("n", entries.size()).append("unused", unused).append("oldest", oldest)
                .append("newest", newest).append("soonestExpiry", soonestExpiry);
    }

    private List<Document> summary() {
        Document summary = readModels.documents(pagesName(), 1).get(SUMMARY);
        return summary == null ? List.of() : summary.getList(PAGES, Document.class, List.of());
    }

    private Document page(String page) {
        Document found = readModels.documents(pagesName(), 1).get(pageId(page));
        return found != null ? found : new Document("_id", pageId(page)).append(ITEMS, List.of());
    }

    private static String pageId(String page) {
        return "page:" + page;
    }

    private static List<Document> entries(Document page) {
        return new ArrayList<>(page.getList(ITEMS, Document.class, List.of()));
    }

    private String pagesName() {
        return name + "_pages";
    }
}
