package dev.idcred.query.support;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.hygiene.FindExposure;
import dev.idcred.shared.usage.CredentialKind;
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
    private static final Pattern EXPIRES_AT_LE = Pattern.compile("^\\s*expiresAt\\s+le\\s+\"([^\"]+)\"\\s*$");

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

    /**
     * {@code lastUsed le "<ISO instant>"}, {@code lastUsed isnull} or {@code expiresAt le "<ISO instant>"}; nothing
     * else is understood.
     */
    public static ListingFilter filter(String filters) {
        if (filters == null || filters.isBlank()) {
            return ListingFilter.NONE;
        }
        if (LAST_USED_ISNULL.matcher(filters).matches()) {
            return ListingFilter.neverUsedFilter();
        }
        Matcher usedLe = LAST_USED_LE.matcher(filters);
        if (usedLe.matches()) {
            return ListingFilter.usedAtOrBefore(filterInstant(usedLe.group(1)));
        }
        Matcher expiresLe = EXPIRES_AT_LE.matcher(filters);
        if (expiresLe.matches()) {
            return ListingFilter.expiresAtOrBefore(filterInstant(expiresLe.group(1)));
        }
        throw new DomainException(ErrorCode.INVALID_VALUE, "filters supports lastUsed le \"<ISO instant>\","
                + " lastUsed isnull and expiresAt le \"<ISO instant>\"");
    }

    private static Instant filterInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "filters: '" + value + "' is not an ISO-8601 instant such as 2024-01-31T12:00:00Z");
        }
    }

    /** An exposure report's window: optional instants, {@code from} before {@code to}. */
    public static FindExposure exposure(String credentialId, CredentialKind kind, String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "from must be before to");
        }
        return new FindExposure(credentialId, kind, start, end);
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
