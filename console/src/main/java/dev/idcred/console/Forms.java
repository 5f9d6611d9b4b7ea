package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the console's forms share: instants typed as UTC date-times, lines of text, JSON Patch operations. */
final class Forms {

    static final ObjectMapper JSON = new ObjectMapper();

    private Forms() {
    }

    /** A {@code datetime-local} value read as UTC; null if blank; a 400-like problem if not a date-time. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new ApiProblem(400, "'" + value + "' is not a date and time");
            }
        }
    }

    /** An instant as a {@code datetime-local} value in UTC, for a form's initial value. */
    static String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0).toString();
    }

    static List<String> lines(String text) {
        var lines = new ArrayList<String>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /**
     * A JSON object as a map, for the templates ({@code ${client.name}}), its instants written for people
     * ({@code 2026-03-01 10:00:00 UTC}); an empty map for anything else.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode object) {
        return object != null && object.isObject() ? (Map<String, Object>) readable(JSON.convertValue(object, Map.class))
                : Map.of();
    }

    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final DateTimeFormatter PEOPLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Instants anywhere in a JSON value, written for people. */
    @SuppressWarnings("unchecked")
    private static Object readable(Object value) {
        if (value instanceof String text && INSTANT.matcher(text).matches()) {
            return PEOPLE.format(Instant.parse(text));
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            ((Map<String, Object>) map).forEach((key, item) -> copy.put(key, readable(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(readable(item)));
            return copy;
        }
        return value;
    }

    /** An instant written for people, or {@code fallback} if there is none. */
    static String readable(JsonNode instant, String fallback) {
        return instant != null && instant.isTextual() ? String.valueOf(readable(instant.asText())) : fallback;
    }

    /** A JSON array of objects as maps. */
    static List<Map<String, Object>> maps(Iterable<JsonNode> array) {
        var maps = new ArrayList<Map<String, Object>>();
        if (array != null) {
            array.forEach(item -> maps.add(map(item)));
        }
        return maps;
    }

    static Map<String, Object> replace(String path, Object value) {
        var operation = new LinkedHashMap<String, Object>();
        operation.put("op", "replace");
        operation.put("path", path);
        operation.put("value", value);
        return operation;
    }
}
