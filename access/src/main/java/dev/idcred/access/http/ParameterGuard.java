package dev.idcred.access.http;

import dev.idcred.shared.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses a request whose query or form parameters hold a control character (such as NUL, which no store accepts)
 * with a 400 and the error body, before any of it reaches a lookup.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ParameterGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControlCharacter(parameter.getKey()) || hasControlCharacter(parameter.getValue())) {
                ErrorResponses.write(ErrorCode.MALFORMED_REQUEST, "Parameters may not contain control characters",
                        request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControlCharacter(String[] values) {
        for (String value : values) {
            if (hasControlCharacter(value)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
