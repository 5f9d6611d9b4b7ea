package dev.idcred.query.support;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Reading typed values back out of read-model documents. */
public final class Documents {

    private Documents() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static List<String> strings(Document document, String field) {
        return document.getList(field, String.class, List.of());
    }

    /** The list with the value added at its end, unless it holds it already (a set kept in order). */
    public static List<String> with(List<String> values, String value) {
        var copy = new ArrayList<>(values);
        if (!copy.contains(value)) {
            copy.add(value);
        }
        return copy;
    }

    public static List<String> without(List<String> values, String value) {
        var copy = new ArrayList<>(values);
        copy.remove(value);
        return copy;
    }
}
