package dev.idcred.command.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Limits;
import dev.idcred.shared.common.PatchOperation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies an RFC 6902 JSON Patch to a resource's patchable fields. The document holds only the fields that may
 * change, so a patch that touches anything else, or leaves a field with a value of the wrong type, is refused.
 *
 * <p>The work a patch can cause is bounded whatever it asks: at most {@value #MAX_OPERATIONS} operations, each path
 * naming one of the document's fields and at most {@value #MAX_PATH_DEPTH} levels deep, and the document at most
 * {@link Limits#MAX_REQUEST_BYTES} bytes after every operation, so {@code copy} and {@code add} cannot grow it
 * without end (a patch that doubled the document thirty times once ran a service out of memory).
 */
public final class JsonPatches {

    /** More than any of the resources' patchable fields could need. */
    public static final int MAX_OPERATIONS = 50;
    static final int MAX_PATH_DEPTH = 3;
    private static final int MAX_PATH_LENGTH = 256;
    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private JsonPatches() {
    }

    public static <T extends Record> T apply(T document, List<PatchOperation> patch, Class<T> type) {
        if (patch == null || patch.isEmpty()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The JSON Patch has no operations");
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "A JSON Patch has at most " + MAX_OPERATIONS + " operations");
        }
        Set<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
        JsonNode patched = MAPPER.valueToTree(document);
        for (PatchOperation operation : patch) {
            patched = applyOne(patched, operation(operation, fields));
            ensureBounded(patched);
        }
        if (patched == null || !patched.isObject()) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The patched resource must remain a JSON object");
        }
        try {
            return MAPPER.treeToValue(patched, type);
        } catch (Exception e) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "The patched resource is invalid: a field is unknown, not patchable, or of the wrong type");
        }
    }

    /** One operation as zjsonpatch takes it, once its op and paths are known to mean something for this resource. */
    private static ArrayNode operation(PatchOperation operation, Set<String> fields) {
        if (operation == null || operation.op() == null || !OPERATIONS.contains(operation.op())
                || operation.path() == null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST,
                    "Each patch operation needs an op (add, remove, replace, move, copy, test) and a path");
        }
        boolean needsFrom = operation.op().equals("move") || operation.op().equals("copy");
        if (needsFrom && operation.from() == null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "A " + operation.op() + " operation needs a from");
        }
        ensureNamesAField(operation.path(), fields);
        if (needsFrom) {
            ensureNamesAField(operation.from(), fields);
        }
        if (!"add".equals(operation.op()) && endsWithAppend(operation.path())
                || needsFrom && endsWithAppend(operation.from())) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "A JSON Patch path ending in \"-\" names no "
                    + "element: only \"add\" may use it, to append (RFC 6902)");
        }
        ArrayNode operations = MAPPER.createArrayNode();
        ObjectNode node = operations.addObject().put("op", operation.op()).put("path", operation.path());
        if (needsFrom) {
            node.put("from", operation.from());
        }
        if (!"remove".equals(operation.op()) && !needsFrom) {
            node.set("value", MAPPER.valueToTree(operation.value()));
        }
        return operations;
    }

    /** A path must name one of the document's fields (or a place inside one), a few levels deep at most. */
    private static void ensureNamesAField(String path, Set<String> fields) {
        if (path.length() > MAX_PATH_LENGTH || !path.startsWith("/")) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "A JSON Patch path is a JSON Pointer of at most "
                    + MAX_PATH_LENGTH + " characters, such as /name");
        }
        String[] steps = path.substring(1).split("/", -1);
        if (steps.length > MAX_PATH_DEPTH || !fields.contains(steps[0])) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The JSON Patch path " + path
                    + " names no patchable field; patchable: " + fields.stream().sorted().toList());
        }
    }

    private static JsonNode applyOne(JsonNode document, ArrayNode operation) {
        try {
            return JsonPatch.apply(operation, document);
        } catch (JsonPatchApplicationException e) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The JSON Patch cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            // zjsonpatch answers some malformed paths (an index of "-1", "00" or "-" where none fits) with exceptions
            // of its own: every one of them is a patch that cannot be applied, never a fault of the service.
            throw new DomainException(ErrorCode.INVALID_VALUE, "The JSON Patch cannot be applied: a path does not"
                    + " name a place in the resource");
        }
    }

    private static void ensureBounded(JsonNode document) {
        try {
            if (MAPPER.writeValueAsBytes(document).length > Limits.MAX_REQUEST_BYTES) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "The patched resource would exceed "
                        + Limits.MAX_REQUEST_BYTES + " bytes");
            }
        } catch (JsonProcessingException e) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The patched resource cannot be written as JSON");
        }
    }

    private static boolean endsWithAppend(String path) {
        return path.equals("-") || path.endsWith("/-");
    }
}
