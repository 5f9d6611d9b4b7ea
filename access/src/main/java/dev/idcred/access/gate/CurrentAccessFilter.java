package dev.idcred.access.gate;

import dev.idcred.access.http.ErrorResponses;
import dev.idcred.access.network.AccessRefusals;
import dev.idcred.access.network.ClientOrigin;
import dev.idcred.access.network.ClientOrigins;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.OwnerFacts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Runs after the bearer token's signature and expiry were checked: asks the {@link AccessTokenGate} what the token
 * is worth now. A dead token answers 401 (RFC 6750 {@code invalid_token}); a PAT's call from outside its owner's
 * network rules answers 403 with the error body and is written to the audit trail; a live token goes on with the
 * rights its credential still has.
 */
class CurrentAccessFilter extends OncePerRequestFilter {

    /** The request attribute that holds the {@link Caller} of a live token. */
    static final String CALLER = Caller.class.getName();

    private final AccessTokenGate gate;
    private final ClientOrigins origins;
    private final AccessRefusals refusals;

    CurrentAccessFilter(AccessTokenGate gate, ClientOrigins origins, AccessRefusals refusals) {
        this.gate = gate;
        this.origins = origins;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken bearer)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccessTokenGate.LiveToken> live = gate.evaluate(bearer.getToken());
        if (live.isEmpty()) {
            SecurityContextHolder.clearContext();
            ErrorResponses.unauthorized("Bearer error=\"invalid_token\", error_description=\"The access token was"
                    + " revoked\"", "The access token was revoked or its credential no longer exists", response);
            return;
        }
        CredentialAccess credential = live.get().credential();
        NetworkRules rules = live.get().networkRules();
        if (rules.restricts()) {
            ClientOrigin origin = origins.of(request);
            Optional<NetworkRules.Refusal> refusal = rules.refusalFor(origin.address(), origin.country());
            if (refusal.isPresent()) {
                refusals.record(credential.credential(), origin, refusal.get(),
                        request.getMethod() + " " + request.getRequestURI());
                ErrorResponses.write(ErrorCode.NETWORK_NOT_ALLOWED, refusal.get().reason(), request, response);
                return;
            }
        }
        OwnerFacts actingFor = live.get().actingFor();
        request.setAttribute(CALLER, new Caller(actingFor.identityId(), credential.credential().credentialId(),
                live.get().rights(), actingFor.kind(), actingFor.tenantAccessExpiresAt()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(bearer.getToken(),
                live.get().rights().stream().map(SimpleGrantedAuthority::new).toList(), bearer.getName()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
