package dev.idcred.query.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the read side follows the log ({@code credentials.read-side.*}).
 *
 * @param batchSize         events a processor applies per batch (one write per document touched)
 * @param fetchFallback     how often to look for events appended elsewhere when no notification came
 * @param claimTimeout      a segment whose owner has not extended its claim for this long may be taken over
 * @param claimExtension    how often an owner extends its claims (well under the timeout)
 * @param claimInterval     how often a processor looks for segments to claim or release
 * @param heartbeat         how often an instance says it is alive
 * @param instanceTimeout   an instance silent for this long no longer counts when segments are shared
 * @param maxLag            readiness is out of service while a processor is more events behind the log than this
 * @param integrityInterval how often every view is checked against the log
 * @param retireAfter       how long after a rebuild's switch the retired generation is dropped (every instance
 *                          follows a switch within a fraction of a second)
 */
@ConfigurationProperties("credentials.read-side")
public record ReadSideProperties(@DefaultValue("100") int batchSize,
                                 @DefaultValue("1s") Duration fetchFallback,
                                 @DefaultValue("3s") Duration claimTimeout,
                                 @DefaultValue("500ms") Duration claimExtension,
                                 @DefaultValue("500ms") Duration claimInterval,
                                 @DefaultValue("500ms") Duration heartbeat,
                                 @DefaultValue("2s") Duration instanceTimeout,
                                 @DefaultValue("10000") long maxLag,
                                 @DefaultValue("30s") Duration integrityInterval,
                                 @DefaultValue("60s") Duration retireAfter) {
}
