package dev.idcred.access;

import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.usage.CredentialKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Runs after the bearer token's signature and expiry were checked: asks the {@link AccessTokenGate} what the token
 * is worth now. A dead token answers 401 (RFC 6750 {@code invalid_token}); a PAT's call from outside its owner's
 * network rules answers 403 with the error body and is written to the audit trail; a live token goes on with the
 * rights its credential still has.
 */
class CurrentAccessFilter extends OncePerRequestFilter {

    private final AccessTokenGate gate;
    private final ClientOrigins origins;
    private final AccessRefusals refusals;
    private final ObjectMapper json;

    CurrentAccessFilter(AccessTokenGate gate, ClientOrigins origins, AccessRefusals refusals, ObjectMapper json) {
        this.gate = gate;
        this.origins = origins;
        this.refusals = refusals;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken bearer)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccessTokenGate.LiveToken> live;
        try {
            live = gate.evaluate(bearer.getToken());
        } catch (CredentialStateUnavailable e) {
            SecurityContextHolder.clearContext();
            response.setStatus(503);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            write(response, ApiError.of(ErrorCode.READ_SIDE_BEHIND.detailCode(), TrackingId.of(request),
                    e.getMessage()));
            return;
        }
        if (live.isEmpty()) {
            SecurityContextHolder.clearContext();
            response.setStatus(401);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"The access token was revoked\"");
            write(response, Map.of("error", "The access token was revoked or its credential no longer exists"));
            return;
        }
        CredentialState credential = live.get().credential();
        if (credential.kind() == CredentialKind.PERSONAL_ACCESS_TOKEN && credential.networkRules().restricts()) {
            ClientOrigin origin = origins.of(request);
            Optional<String> refusal = credential.networkRules().refusalFor(origin.address(), origin.country());
            if (refusal.isPresent()) {
                refusals.record(credential.credentialId(), credential.kind(), credential.ownerId(), origin,
                        refusal.get(), request.getMethod() + " " + request.getRequestURI());
                response.setStatus(403);
                write(response, ApiError.of(ErrorCode.NETWORK_NOT_ALLOWED.detailCode(), TrackingId.of(request),
                        refusal.get()));
                return;
            }
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(bearer.getToken(),
                live.get().rights().stream().map(SimpleGrantedAuthority::new).toList(), bearer.getName()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private void write(HttpServletResponse response, Object body) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
