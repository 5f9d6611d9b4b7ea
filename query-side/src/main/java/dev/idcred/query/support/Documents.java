package dev.idcred.query.support;

import org.bson.Document;

import java.time.Instant;
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
}
