package dev.idcred.access.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Gives every request a tracking id: in the log context (so in every log line, and in the JSON logs' fields), in the
 * {@code X-Tracking-Id} response header and in any error body, so a caller's report can be found in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrackingId extends OncePerRequestFilter {

    public static final String HEADER = "X-Tracking-Id";
    /** One line per request: method, path (never the query string, which may carry a client secret), status. */
    private static final Logger access = LoggerFactory.getLogger("credentials.access");
    private static final String ATTRIBUTE = TrackingId.class.getName();

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : newId();
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put("trackingId", id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
            MDC.remove("trackingId");
        }
    }
}
