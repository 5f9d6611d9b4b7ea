package dev.idcred.query.support;

import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.shared.common.PageRequest;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A listing kept in log order, whose every page costs a few reads by id however long it grows: one document per
 * item (by id, for lookups), and pages of up to {@value #CHUNK} items in order ({@code <name>_pages}: chunk
 * documents holding the items themselves, and a summary holding each chunk's count and when its items were last
 * used). A page at any offset reads the summary and the one or two chunks it spans; a {@code lastUsed} filter skips
 * every chunk its summary shows cannot match.
 *
 * <p>One writer at a time (its processor has one segment), in log order. Each document remembers the position of the
 * last event applied to it, and an event applies to a document only if it is later; each event writes its item
 * first, then its chunk, then the summary, which is recomputed from the chunk. So whatever prefix of a batch's writes
 * survived a crash, applying the batch again completes it without applying anything twice.
 */
public final class OrderedListing {

    static final int CHUNK = 100;
    private static final String SUMMARY = "summary";
    private static final String CHUNKS = "chunks";
    private static final String ITEMS = "items";
    private static final String CHUNK_OF_ITEM = "chunk";
    public static final String LAST_USED = "lastUsed";

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

    /** Appends an item created by the event at {@code position}; {@code view} is what the listing shows of it. */
    public void add(String id, long position, Document view) {
        Document summary = summary();
        Document existing = items.get(id);
        int chunk = existing != null && existing.containsKey(CHUNK_OF_ITEM) ? existing.getInteger(CHUNK_OF_ITEM)
                : tailFor(summary);
        items.create(id, position, new Document(view).append(CHUNK_OF_ITEM, chunk));
        Document page = chunk(chunk);
        if (ViewDocuments.positionOf(page) < position) {
            List<Document> entries = entries(page);
            if (entries.stream().noneMatch(entry -> id.equals(entry.get("_id")))) {
                entries.add(new Document(view).append("_id", id));
            }
            store(page, entries, position);
        }
        if (ViewDocuments.positionOf(summary) < position) {
            List<Document> stats = stats(summary);
            while (stats.size() <= chunk) {
                stats.add(new Document("n", 0).append("appended", 0));
            }
            Document chunkStats = statsOf(entries(page));
            chunkStats.put("appended", stats.get(chunk).getInteger("appended", 0) + 1);
            stats.set(chunk, chunkStats);
            storeSummary(summary, stats, position);
        }
    }

    /** Applies the change of the event at {@code position} to the item and to its entry in its page. */
    public void update(String id, long position, Consumer<Document> change) {
        Document item = items.get(id);
        if (item == null || item.getBoolean(ViewDocuments.DELETED, false)) {
            return;
        }
        int chunk = item.getInteger(CHUNK_OF_ITEM);
        items.update(id, position, change);
        changeEntry(chunk, id, position, entries -> entries.stream().filter(entry -> id.equals(entry.get("_id")))
                .forEach(change));
    }

    /** Removes the item deleted by the event at {@code position} from its page; its document stays a tombstone. */
    public void remove(String id, long position) {
        Document item = items.get(id);
        if (item == null) {
            return;
        }
        int chunk = item.getInteger(CHUNK_OF_ITEM);
        items.markDeleted(id, position);
        changeEntry(chunk, id, position, entries -> entries.removeIf(entry -> id.equals(entry.get("_id"))));
    }

    /** The live item by id, or null. */
    public Document get(String id) {
        return items.live(id);
    }

    /** The items in log order, {@code page.offset()} on, at most {@code page.limit()}, that match the filter. */
    public Window page(LastUsedFilter filter, PageRequest page) {
        Document summary = readModels.documents(pagesName()).get(SUMMARY);
        List<Document> stats = summary == null ? List.of() : stats(summary);
        LastUsedFilter lastUsed = filter == null ? LastUsedFilter.NONE : filter;
        var found = new ArrayList<Document>();
        long skip = page.offset();
        long total = 0;
        boolean counting = page.countTotal();
        for (int chunk = 0; chunk < stats.size(); chunk++) {
            boolean filling = found.size() < page.limit();
            if (!filling && !counting) {
                break;
            }
            Document chunkStats = stats.get(chunk);
            long knownMatches = knownMatches(chunkStats, lastUsed);
            if (knownMatches == 0) {
                continue;
            }
            if (knownMatches > 0 && (!filling || skip >= knownMatches)) {
                total += knownMatches;
                skip = filling ? skip - knownMatches : skip;
                continue;
            }
            List<Document> matching = entries(chunk(chunk)).stream().filter(matching(lastUsed)).toList();
            total += matching.size();
            for (Document entry : matching) {
                if (skip > 0) {
                    skip--;
                } else if (found.size() < page.limit()) {
                    found.add(entry);
                }
            }
        }
        return new Window(found, counting ? total : -1);
    }

    private void changeEntry(int chunk, String id, long position, Consumer<List<Document>> change) {
        Document page = chunk(chunk);
        if (ViewDocuments.positionOf(page) < position) {
            List<Document> entries = entries(page);
            change.accept(entries);
            store(page, entries, position);
        }
        Document summary = summary();
        if (ViewDocuments.positionOf(summary) < position) {
            List<Document> stats = stats(summary);
            Document chunkStats = statsOf(entries(page));
            chunkStats.put("appended", stats.get(chunk).getInteger("appended", 0));
            stats.set(chunk, chunkStats);
            storeSummary(summary, stats, position);
        }
    }

    /** How many items of a chunk match, if its summary tells; -1 if only reading the chunk does. */
    private static long knownMatches(Document chunkStats, LastUsedFilter filter) {
        int count = chunkStats.getInteger("n", 0);
        int unused = chunkStats.getInteger("unused", 0);
        if (filter.neverUsed()) {
            return unused;
        }
        if (filter.usedAtOrBefore() == null) {
            return count;
        }
        Date oldest = chunkStats.getDate("oldest");
        Date newest = chunkStats.getDate("newest");
        Date bound = Date.from(filter.usedAtOrBefore());
        if (oldest == null || oldest.after(bound)) {
            return 0;
        }
        return newest.after(bound) ? -1 : count - unused;
    }

    /** Whether an item's {@code lastUsed} meets the filter. */
    public static Predicate<Document> matching(LastUsedFilter filter) {
        if (filter.neverUsed()) {
            return entry -> entry.getDate(LAST_USED) == null;
        }
        if (filter.usedAtOrBefore() != null) {
            Date bound = Date.from(filter.usedAtOrBefore());
            return entry -> entry.getDate(LAST_USED) != null && !entry.getDate(LAST_USED).after(bound);
        }
        return entry -> true;
    }

    private static Document statsOf(List<Document> entries) {
        int unused = 0;
        Date oldest = null;
        Date newest = null;
        for (Document entry : entries) {
            Date used = entry.getDate(LAST_USED);
            if (used == null) {
                unused++;
            } else {
                oldest = oldest == null || used.before(oldest) ? used : oldest;
                newest = newest == null || used.after(newest) ? used : newest;
            }
        }
        return new Document("n", entries.size()).append("unused", unused).append("oldest", oldest)
                .append("newest", newest);
    }

    /** The chunk a new item goes to: the last one, unless {@value #CHUNK} items were appended to it already. */
    private static int tailFor(Document summary) {
        List<Document> stats = stats(summary);
        if (stats.isEmpty()) {
            return 0;
        }
        int tail = stats.size() - 1;
        return stats.get(tail).getInteger("appended", 0) < CHUNK ? tail : tail + 1;
    }

    private Document summary() {
        Document summary = readModels.documents(pagesName(), 1).get(SUMMARY);
        return summary != null ? summary : new Document("_id", SUMMARY).append(CHUNKS, new ArrayList<>());
    }

    private Document chunk(int chunk) {
        Document page = readModels.documents(pagesName(), 1).get("chunk:" + chunk);
        return page != null ? page : new Document("_id", "chunk:" + chunk).append(ITEMS, new ArrayList<>());
    }

    private void store(Document page, List<Document> entries, long position) {
        readModels.documents(pagesName(), 1).put(page.append(ITEMS, entries)
                .append(ViewDocuments.POSITION, position));
    }

    private void storeSummary(Document summary, List<Document> stats, long position) {
        readModels.documents(pagesName(), 1).put(summary.append(CHUNKS, stats)
                .append(ViewDocuments.POSITION, position));
    }

    private static List<Document> stats(Document summary) {
        return new ArrayList<>(summary.getList(CHUNKS, Document.class, List.of()));
    }

    private static List<Document> entries(Document page) {
        return new ArrayList<>(page.getList(ITEMS, Document.class, List.of()));
    }

    private String pagesName() {
        return name + "_pages";
    }
}
