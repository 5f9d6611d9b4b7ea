package dev.idcred.command.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The tamper-evident log's two hashes, as the verifier recomputes them. The record hash is PostgreSQL's, written in
 * the appending transaction by the trigger of migration V8 ({@code event_record_hash}); this is the same computation
 * in Java, field for field: SHA-256 over the event's identifier, aggregate identifier, sequence number (eight bytes,
 * big-endian), aggregate type, payload type, payload revision, timestamp, payload and metadata, every field but the
 * sequence number preceded by its length in four bytes (-1 for a null). The chain hash of position n is SHA-256 over
 * the chain hash of n-1 (32 zero bytes before the first), n and the global index (eight bytes each) and the record
 * hash.
 */
public final class ChainFormat {

    /** The chain hash before the first position. */
    public static final byte[] ORIGIN = new byte[32];

    private ChainFormat() {
    }

    public static byte[] recordHash(String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                                    String aggregateType, String payloadType, String payloadRevision,
                                    String timeStamp, byte[] payload, byte[] metaData) {
        var canonical = new ByteArrayOutputStream();
        part(canonical, text(eventIdentifier));
        part(canonical, text(aggregateIdentifier));
        canonical.writeBytes(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        part(canonical, text(aggregateType));
        part(canonical, text(payloadType));
        part(canonical, text(payloadRevision));
        part(canonical, text(timeStamp));
        part(canonical, payload);
        part(canonical, metaData);
        return sha256(canonical.toByteArray());
    }

    public static byte[] chainHash(byte[] previous, long position, long globalIndex, byte[] recordHash) {
        return sha256(ByteBuffer.allocate(previous.length + 16 + recordHash.length).put(previous).putLong(position)
                .putLong(globalIndex).put(recordHash).array());
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void part(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
