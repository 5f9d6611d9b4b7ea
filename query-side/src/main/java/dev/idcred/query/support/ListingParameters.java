package dev.idcred.query.support;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.shared.common.PageRequest;
import org.springframework.http.HttpHeaders;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The listings' query parameters: {@code limit}, {@code offset}, {@code count} and {@code filters}. */
public final class ListingParameters {

    public static final String TOTAL_COUNT_HEADER = "X-Total-Count";
    private static final Pattern LAST_USED_LE = Pattern.compile("^\\s*lastUsed\\s+le\\s+\"([^\"]+)\"\\s*$");
    private static final Pattern LAST_USED_ISNULL = Pattern.compile("^\\s*lastUsed\\s+isnull\\s*$");

    private ListingParameters() {
    }

    public static PageRequest page(Integer limit, Integer offset, Boolean count) {
        int l = limit == null ? PageRequest.MAX_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 0 || l > PageRequest.MAX_LIMIT) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "limit must be between 0 and " + PageRequest.MAX_LIMIT);
        }
        if (o < 0) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "offset must not be negative");
        }
        return new PageRequest(l, o, Boolean.TRUE.equals(count));
    }

    /** {@code lastUsed le "<ISO instant>"} or {@code lastUsed isnull}; nothing else is understood. */
    public static LastUsedFilter filter(String filters) {
        if (filters == null || filters.isBlank()) {
            return LastUsedFilter.NONE;
        }
        if (LAST_USED_ISNULL.matcher(filters).matches()) {
            return LastUsedFilter.neverUsedFilter();
        }
        Matcher le = LAST_USED_LE.matcher(filters);
        if (le.matches()) {
            try {
                return LastUsedFilter.usedAtOrBefore(Instant.parse(le.group(1)));
            } catch (DateTimeParseException e) {
                throw new DomainException(ErrorCode.INVALID_VALUE,
                        "filters: '" + le.group(1) + "' is not an ISO-8601 instant such as 2024-01-31T12:00:00Z");
            }
        }
        throw new DomainException(ErrorCode.INVALID_VALUE,
                "filters supports lastUsed le \"<ISO instant>\" and lastUsed isnull");
    }

    /** An optional ISO-8601 instant parameter, refused with a 400 when it is not one. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    name + ": '" + value + "' is not an ISO-8601 instant such as 2024-01-31T12:00:00Z");
        }
    }

    public static HttpHeaders totalCount(ResultPage<?> page) {
        var headers = new HttpHeaders();
        if (page.total() >= 0) {
            headers.set(TOTAL_COUNT_HEADER, Long.toString(page.total()));
        }
        return headers;
    }
}
