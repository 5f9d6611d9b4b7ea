package dev.idcred.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The switch every instance honours before it writes: while a rebuild's fence stands no batch writes, a batch that
 * began before a switch is refused and applied again, and a fence whose rebuild died does not stop writes for good.
 * Two {@link ReadModelGenerations} over one store stand for two query-side instances.
 */
class ReadModelGenerationsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final Clock clock = mock(Clock.class);

    @BeforeEach
    void startStore() {
        when(clock.instant()).thenAnswer(invocation -> now.get());
        server = new MongoServer(new H2Backend(MVStore.open(null)));
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        database = client.getDatabase("credentials");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aFenceStopsEveryInstancesWritesUntilTheSwitchAndTheyThenWriteTheNewGeneration() throws Exception {
        var rebuilder = new ReadModelGenerations(database, clock);
        var other = new ReadModelGenerations(database, clock);
        assertThat(other.writable()).isZero();

        assertThat(rebuilder.fence(0, 1)).isTrue();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(other::writable);
        Thread.sleep(200);
        assertThat(waiting).as("a batch beginning while the fence stands").isNotDone();

        rebuilder.switchTo(1);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(other.writable()).isEqualTo(1);
    }

    @Test
    void aBatchThatBeganBeforeTheSwitchIsRefusedAtItsWrite() {
        var rebuilder = new ReadModelGenerations(database, clock);
        var other = new ReadModelGenerations(database, clock);
        int pinned = other.writable();

        rebuilder.fence(pinned, pinned + 1);
        rebuilder.switchTo(pinned + 1);

        assertThatThrownBy(() -> other.stillWritable(pinned))
                .isInstanceOf(ReadModelGenerations.GenerationSwitched.class);
        other.stillWritable(pinned + 1);
    }

    @Test
    void aBatchWritesThroughTheFenceOnlyOnceItIsLifted() throws Exception {
        var rebuilder = new ReadModelGenerations(database, clock);
        var other = new ReadModelGenerations(database, clock);
        int pinned = other.writable();
        rebuilder.fence(pinned, pinned + 1);

        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> other.stillWritable(pinned));
        Thread.sleep(200);
        assertThat(write).isNotDone();
        rebuilder.unfence(pinned + 1);

        write.get(5, TimeUnit.SECONDS);
        assertThat(other.current()).isEqualTo(pinned);
    }

    @Test
    void oneFenceAtATimeAndOnlyOnTheCurrentGeneration() {
        var first = new ReadModelGenerations(database, clock);
        var second = new ReadModelGenerations(database, clock);

        assertThat(second.fence(1, 2)).as("a generation that is not current").isFalse();
        assertThat(first.fence(0, 1)).isTrue();
        assertThat(second.fence(0, 1)).as("a second rebuild while the first holds the fence").isFalse();
    }

    @Test
    void aFenceItsRebuildStoppedRenewingIsLiftedByTheFirstWriterThatFindsIt() throws Exception {
        var rebuilder = new ReadModelGenerations(database, clock);
        var other = new ReadModelGenerations(database, clock);
        rebuilder.fence(0, 1);
        advance(ReadModelGenerations.FENCE_LEASE.minusSeconds(1));
        rebuilder.renewFence(1);
        advance(ReadModelGenerations.FENCE_LEASE.minusSeconds(1));

        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(other::writable);
        Thread.sleep(200);
        assertThat(waiting).as("the fence was renewed within its lease").isNotDone();

        advance(Duration.ofSeconds(2));
        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("the generation that served on").isZero();
        assertThat(rebuilder.fence(0, 1)).as("a new rebuild may fence again").isTrue();
    }

    @Test
    void readersFollowASwitchMadeByAnotherInstanceWithinTheRefresh() {
        var rebuilder = new ReadModelGenerations(database, clock);
        var reader = new ReadModelGenerations(database, Clock.systemUTC());
        assertThat(reader.current()).isZero();

        rebuilder.switchTo(3);

        await().atMost(ReadModelGenerations.REFRESH.multipliedBy(3)).until(() -> reader.current() == 3);
    }

    private void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }
}
