package dev.idcred.command.patch;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.PatchOperation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;

import java.util.List;
import java.util.Set;

/**
 * Applies an RFC 6902 JSON Patch to a resource's patchable fields. The document holds only the fields that may
 * change, so a patch that touches anything else, or leaves a field with a value of the wrong type, is refused.
 */
public final class JsonPatches {

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private JsonPatches() {
    }

    private static boolean endsWithAppend(String path) {
        return path.equals("-") || path.endsWith("/-");
    }

    public static <T> T apply(T document, List<PatchOperation> patch, Class<T> type) {
        if (patch == null || patch.isEmpty()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The JSON Patch has no operations");
        }
        ArrayNode operations = MAPPER.createArrayNode();
        for (PatchOperation operation : patch) {
            if (operation == null || operation.op() == null || !OPERATIONS.contains(operation.op())
                    || operation.path() == null) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST,
                        "Each patch operation needs an op (add, remove, replace, move, copy, test) and a path");
            }
            if (!"add".equals(operation.op()) && endsWithAppend(operation.path())
                    || operation.from() != null && endsWithAppend(operation.from())) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "A JSON Patch path ending in \"-\" names no "
                        + "element: only \"add\" may use it, to append (RFC 6902)");
            }
            ObjectNode node = operations.addObject().put("op", operation.op()).put("path", operation.path());
            if (operation.from() != null) {
                node.put("from", operation.from());
            }
            if (!"remove".equals(operation.op())) {
                node.set("value", MAPPER.valueToTree(operation.value()));
            }
        }
        JsonNode patched;
        try {
            patched = JsonPatch.apply(operations, MAPPER.valueToTree(document));
        } catch (JsonPatchApplicationException e) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The JSON Patch cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            // zjsonpatch answers some malformed paths (an index of "-1", "00" or "-" where none fits) with exceptions
            // of its own: every one of them is a patch that cannot be applied, never a fault of the service.
            throw new DomainException(ErrorCode.INVALID_VALUE, "The JSON Patch cannot be applied: a path does not"
                    + " name a place in the resource");
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
}
