package dev.idcred.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.bson.Document;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processors' token store, with one change: a segment this instance lets go because another instance's fair share
 * now includes it is handed to that instance (its owner becomes the heir, claimed just now) instead of being left
 * without an owner until someone claims it. The heir's next claim finds the segment its own, as the store lets an
 * owner claim again; so a join never leaves a segment unowned. A segment let go with no heir (this instance stops,
 * every other instance holds its share) is released as before, and one whose heir died is taken over when the
 * claim times out, as after any crash.
 */
public final class HandOverTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final MongoCollection<Document> tokens;
    private final QuerySideInstances instances;
    private final Clock clock;

    public HandOverTokenStore(TokenStore delegate, MongoDatabase database, QuerySideInstances instances,
                              Clock clock) {
        this.delegate = delegate;
        this.tokens = database.getCollection("trackingtokens");
        this.instances = instances;
        this.clock = clock;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        String heir = heirFor(processorName);
        if (heir != null && tokens.updateOne(Filters.and(Filters.eq("processorName", processorName),
                        Filters.eq("segment", segment), Filters.eq("owner", instances.id())),
                Updates.combine(Updates.set("owner", heir),
                        Updates.set("timestamp", clock.instant().toEpochMilli()))).getModifiedCount() == 1) {
            return;
        }
        delegate.releaseClaim(processorName, segment);
    }

    /** The live claiming instance furthest below its fair share of {@code processorName}'s segments, if any. */
    private String heirFor(String processorName) {
        Map<String, Integer> held = new HashMap<>();
        for (Document token : tokens.find(Filters.eq("processorName", processorName))) {
            String owner = token.getString("owner");
            if (owner != null && token.get("segment") instanceof Number number && number.intValue() >= 0) {
                held.merge(owner, 1, Integer::sum);
            }
        }
        String heir = null;
        int largestShortfall = 0;
        List<String> live = instances.live();
        for (String instance : live) {
            if (instance.equals(instances.id())) {
                continue;
            }
            int shortfall = instances.shareOf(processorName, instance) - held.getOrDefault(instance, 0);
            if (shortfall > largestShortfall) {
                largestShortfall = shortfall;
                heir = instance;
            }
        }
        return heir;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return delegate.retrieveStorageIdentifier();
    }
}
