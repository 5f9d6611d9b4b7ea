package dev.idcred.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How far each read model's processor has applied the log, across every instance: read from the tracking tokens all
 * instances share (not from this instance's own segments, which may be none of them). The applied position of a
 * processor is the lowest of its segments': every event at or before it that a segment handles has been applied.
 * A segment's token remembers positions it has not seen yet (gaps): one the log now holds is an event still to be
 * applied, so the token counts only up to it; one the log does not hold was never committed (a transaction rolled
 * back or cut short by a crash) and holds nothing back.
 */
@Component
public class AppliedPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final EventStore events;

    AppliedPositions(MongoDatabase readModels, @Qualifier("serializer") Serializer serializer,
                     @Lazy EventStore events) {
        this.tokens = readModels.getCollection("trackingtokens");
        this.serializer = serializer;
        this.events = events;
    }

    /** The position through which {@code processor} applied the log; empty until every segment has a token. */
    public OptionalLong of(String processor) {
        long lowest = Long.MAX_VALUE;
        int segments = 0;
        for (Document segment : tokens.find(Filters.eq("processorName", processor))) {
            if (segment.get("segment") instanceof Number number && number.intValue() < 0) {
                continue;
            }
            segments++;
            OptionalLong applied = appliedThrough(read(segment));
            if (applied.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, applied.getAsLong());
        }
        return segments == 0 ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    private OptionalLong appliedThrough(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            for (long gap : gapAware.getGaps()) {
                if (committed(gap)) {
                    return OptionalLong.of(gap - 1);
                }
            }
            return OptionalLong.of(gapAware.getIndex());
        }
        return current == null ? OptionalLong.empty() : current.position();
    }

    private boolean committed(long position) {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(
                GapAwareTrackingToken.newInstance(position - 1, Collections.emptySet()))) {
            return stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)
                    && stream.peek().flatMap(event -> event.trackingToken().position().stream().boxed().findFirst())
                    .filter(found -> found == position).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private TrackingToken read(Document segment) {
        Object data = segment.get("token");
        String type = segment.getString("tokenType");
        if (data == null || type == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
