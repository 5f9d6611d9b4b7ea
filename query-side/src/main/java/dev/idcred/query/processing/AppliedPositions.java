package dev.idcred.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * How far each read model's processor has applied the log, across every instance: read from the tracking tokens all
 * instances share (not from this instance's own segments, which may be none of them). The applied position of a
 * processor is the lowest of its segments': every event at or before it that a segment handles has been applied.
 * A segment's token that still waits for an uncommitted event (a gap) counts only up to that gap.
 */
@Component
public class AppliedPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    AppliedPositions(MongoDatabase readModels, @Qualifier("serializer") Serializer serializer) {
        this.tokens = readModels.getCollection("trackingtokens");
        this.serializer = serializer;
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

    static OptionalLong appliedThrough(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return OptionalLong.of(gapAware.getGaps().isEmpty() ? gapAware.getIndex()
                    : gapAware.getGaps().first() - 1);
        }
        return current == null ? OptionalLong.empty() : current.position();
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
