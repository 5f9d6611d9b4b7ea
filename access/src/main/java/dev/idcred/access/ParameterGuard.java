package dev.idcred.access;

import dev.idcred.shared.common.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses a request whose query or form parameters hold a control character (such as NUL, which no store accepts)
 * with a 400 and the error body, before any of it reaches a lookup.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ParameterGuard extends OncePerRequestFilter {

    private final ObjectMapper json;

    ParameterGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControlCharacter(parameter.getKey()) || java.util.Arrays.stream(parameter.getValue())
                    .anyMatch(ParameterGuard::hasControlCharacter)) {
                response.setStatus(400);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), ApiError.of(ErrorCode.MALFORMED_REQUEST.detailCode(),
                        TrackingId.of(request), "Parameters may not contain control characters"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
