package dev.idcred.query.operations;

import dev.idcred.access.http.ErrorResponses;
import dev.idcred.shared.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A query side answers reads only once it is ready: started, and its processors within
 * {@code credentials.read-side.max-lag} of the log. Until then a read of {@code /v3} gets 503
 * ({@code READ_SIDE_BEHIND}) with {@code Retry-After: 1}, which the gateway takes as "ask another instance"
 * ({@code proxy_next_upstream http_503}); so a restarted instance is not sent reads it would answer late or stale.
 * A failing segment (processors DOWN) does not keep the gate shut: that is no catching up, and the other views serve.
 * Once open the gate stays open: a lag later on is the readiness probe's business, not a reason to refuse reads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ServingGate extends OncePerRequestFilter implements ApplicationListener<ApplicationReadyEvent> {

    private static final long RECHECK_NANOS = 100_000_000L;

    private final ProcessorLag processors;
    private volatile boolean started;
    private volatile boolean open;
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

    ServingGate(ProcessorLag processors) {
        this.processors = processors;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        started = true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return open || !("GET".equals(method) || "HEAD".equals(method))
                || !request.getRequestURI().startsWith("/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isOpen()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        ErrorResponses.write(ErrorCode.READ_SIDE_BEHIND, "This instance is starting or catching up with the log; "
                + "retry in a moment", request, response);
    }

    private boolean isOpen() {
        if (open) {
            return true;
        }
        long now = System.nanoTime();
        if (!started || now - checkedAt < RECHECK_NANOS) {
            return false;
        }
        synchronized (this) {
            if (!open && now - checkedAt >= RECHECK_NANOS) {
                checkedAt = now;
                open = !Status.OUT_OF_SERVICE.equals(processors.health().getStatus());
            }
        }
        return open;
    }
}
