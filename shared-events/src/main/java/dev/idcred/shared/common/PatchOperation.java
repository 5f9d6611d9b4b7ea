package dev.idcred.shared.common;

/** One RFC 6902 JSON Patch operation, as the caller sent it; {@code value} is plain JSON (maps, lists, scalars). */
public record PatchOperation(String op, String path, String from, Object value) {
}
