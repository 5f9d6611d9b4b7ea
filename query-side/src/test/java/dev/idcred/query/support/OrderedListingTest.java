package dev.idcred.query.support;

import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing's pages are a function of its live items alone: the same whatever order the items' events arrive in,
 * however often they are applied, and the same as a rebuild that applies them in log order.
 */
class OrderedListingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** An item's events: created, used once, and perhaps deleted, each with its aggregate's sequence number. */
    private record Item(String id, Instant created, Instant used, boolean deleted) {
    }

    private record Event(Item item, int sequence) {
    }

    private static List<Item> items(int count, long seed) {
        Random random = new Random(seed);
        var items = new ArrayList<Item>();
        for (int i = 0; i < count; i++) {
            items.add(new Item(new UUID(random.nextLong(), random.nextLong()).toString().replace("-", ""),
                    T0.plusMillis(random.nextInt(5_000)), random.nextInt(3) == 0 ? null
                    : T0.plusSeconds(60 + random.nextInt(600)), random.nextInt(5) == 0));
        }
        return items;
    }

    /** Every item's events in its own order; items interleaved as {@code order} says. */
    private static List<Event> events(List<Item> items, Random order) {
        var perItem = new ArrayList<List<Event>>();
        for (Item item : items) {
            var own = new ArrayList<Event>(List.of(new Event(item, 0)));
            if (item.used() != null) {
                own.add(new Event(item, 1));
            }
            if (item.deleted()) {
                own.add(new Event(item, 2));
            }
            perItem.add(own);
        }
        var interleaved = new ArrayList<Event>();
        while (!perItem.isEmpty()) {
            int pick = order == null ? 0 : order.nextInt(perItem.size());
            interleaved.add(perItem.get(pick).remove(0));
            if (perItem.get(pick).isEmpty()) {
                perItem.remove(pick);
            }
        }
        return interleaved;
    }

    private static void apply(OrderedListing listing, Event event) {
        Item item = event.item();
        switch (event.sequence()) {
            case 0 -> listing.add(item.id(), 0, new Document("name", "item " + item.id())
                    .append("created", Date.from(item.created())).append(OrderedListing.LAST_USED, null));
            case 1 -> listing.update(item.id(), 1, d -> d.put(OrderedListing.LAST_USED, Date.from(item.used())));
            default -> listing.remove(item.id(), 2);
        }
    }

    private static Map<String, Map<String, Document>> fold(List<Event> events, boolean twice) {
        ReadModels readModels = ReadModels.buffered(null, 1);
        OrderedListing listing = new OrderedListing(readModels, "things");
        for (Event event : events) {
            apply(listing, event);
            if (twice) {
                apply(listing, event);
            }
        }
        var copy = new TreeMap<String, Map<String, Document>>();
        readModels.buffered().forEach((collection, documents) -> copy.put(collection, new TreeMap<>(documents)));
        return copy;
    }

    @Test
    void thePagesAreTheSameWhateverOrderTheItemsEventsArriveInAndHoweverOftenTheyAreApplied() {
        List<Item> items = items(800, 7);
        var inLogOrder = fold(events(items, null), false);
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(fold(events(items, new Random(seed)), seed % 2 == 0)).isEqualTo(inLogOrder);
        }
        assertThat(inLogOrder.get("things_pages")).hasSizeGreaterThan(5);
    }

    @Test
    void aWindowListsTheLiveItemsOldestFirstAtAnyOffset() {
        List<Item> items = items(500, 11);
        ReadModels readModels = ReadModels.buffered(null, 1);
        OrderedListing listing = new OrderedListing(readModels, "things");
        events(items, new Random(3)).forEach(event -> apply(listing, event));
        List<String> expected = items.stream().filter(item -> !item.deleted())
                .sorted((a, b) -> a.created().equals(b.created()) ? a.id().compareTo(b.id())
                        : a.created().compareTo(b.created())).map(Item::id).toList();

        var listed = new ArrayList<String>();
        for (int offset = 0; offset < expected.size(); offset += 37) {
            OrderedListing.Window window = listing.page(ListingFilter.NONE, new PageRequest(37, offset, true));
            assertThat(window.total()).isEqualTo(expected.size());
            window.items().forEach(entry -> listed.add(entry.getString("_id")));
        }
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void lastUsedFiltersCountAndListOnlyWhatMatches() {
        List<Item> items = items(400, 5);
        ReadModels readModels = ReadModels.buffered(null, 1);
        OrderedListing listing = new OrderedListing(readModels, "things");
        events(items, new Random(9)).forEach(event -> apply(listing, event));
        Instant bound = T0.plusSeconds(300);
        long neverUsed = items.stream().filter(item -> !item.deleted() && item.used() == null).count();
        long usedBefore = items.stream().filter(item -> !item.deleted() && item.used() != null
                && !item.used().isAfter(bound)).count();

        assertThat(listing.page(ListingFilter.neverUsedFilter(), new PageRequest(250, 0, true)).total())
                .isEqualTo(neverUsed);
        OrderedListing.Window used = listing.page(ListingFilter.usedAtOrBefore(bound), new PageRequest(250, 0, true));
        assertThat(used.total()).isEqualTo(usedBefore);
        assertThat(used.items()).allSatisfy(entry -> assertThat(entry.getDate(OrderedListing.LAST_USED))
                .isBeforeOrEqualTo(Date.from(bound)));
    }

    @Test
    void aWholeListingHasNoMismatchesAndALostEntryIsOne() {
        List<Item> items = items(200, 13);
        ReadModels readModels = ReadModels.buffered(null, 1);
        OrderedListing listing = new OrderedListing(readModels, "things");
        events(items, new Random(4)).forEach(event -> apply(listing, event));
        List<String> ids = items.stream().map(Item::id).toList();
        assertThat(listing.mismatches(ids)).isEmpty();

        Item live = items.stream().filter(item -> !item.deleted()).findFirst().orElseThrow();
        Map<String, Document> pages = readModels.buffered().get("things_pages");
        pages.values().stream().filter(page -> page.containsKey("items")).forEach(page -> page.put("items",
                new ArrayList<>(page.getList("items", Document.class).stream()
                        .filter(entry -> !live.id().equals(entry.get("_id"))).toList())));
        assertThat(listing.mismatches(ids)).containsExactly("things/" + live.id());
        assertThat(Collections.frequency(ids, live.id())).isOne();
    }
}
