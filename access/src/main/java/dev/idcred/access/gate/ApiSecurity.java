package dev.idcred.access.gate;

import dev.idcred.access.http.ErrorResponses;
import dev.idcred.access.network.AccessRefusals;
import dev.idcred.access.network.ClientOrigins;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.common.RightsCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.List;

/**
 * Every {@code /v3/**} call needs a bearer token this service signed and, for whatever method it uses, the right
 * the catalogue names for its endpoint: a rule for {@code GET} holds for {@code HEAD} too (which answers the same
 * headers, counts among them), and a method the catalogue names no rule for is refused. No token: 401 with
 * {@code {"error": ...}}; a token without the right: 403 with the error body. A signed token is then weighed against
 * its credential as it is now ({@link CurrentAccessFilter}). The metrics endpoint needs a right of its own.
 */
@Configuration
public class ApiSecurity {

    /**
     * Path patterns matched as Spring MVC matches them, built directly: asking the registry to infer a matcher for each
     * of the catalogue's hundred-odd rules inspects every servlet each time, a tenth of the service's start.
     */
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, RightsCatalogue catalogue, AccessTokenGate gate,
                                               ClientOrigins origins, AccessRefusals refusals) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                ErrorResponses.unauthorized("Bearer", "A valid bearer token is required", response);
        AccessDeniedHandler forbidden = (request, response, e) -> ErrorResponses.write(ErrorCode.FORBIDDEN,
                "The token lacks the rights this request needs", request, response);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    catalogue.endpoints().forEach(rule -> require(auth, rule));
                    auth.requestMatchers(PATHS.matcher(HttpMethod.GET, "/v3/rights-catalogue")).authenticated();
                    auth.requestMatchers(PATHS.matcher(HttpMethod.HEAD, "/v3/rights-catalogue")).authenticated();
                    auth.requestMatchers(PATHS.matcher("/v3/**")).denyAll();
                    auth.requestMatchers(PATHS.matcher("/actuator/prometheus")).hasAuthority(Rights.METRICS_READ);
                    auth.anyRequest().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rightsFromScope()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterAfter(new CurrentAccessFilter(gate, origins, refusals), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * What the request firewall refuses (an encoded slash or dot, a path with {@code ;}, a method such as TRACE)
     * answers the error body too.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ErrorResponses.write(ErrorCode.MALFORMED_REQUEST,
                "The request's method or path is not allowed", request, response);
    }

    private static void require(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
                                RightsCatalogue.EndpointRule rule) {
        String[] rights = rule.anyOf().toArray(String[]::new);
        for (HttpMethod method : methodsOf(rule.method())) {
            auth.requestMatchers(PATHS.matcher(method, rule.path())).hasAnyAuthority(rights);
        }
    }

    private static List<HttpMethod> methodsOf(String method) {
        HttpMethod named = HttpMethod.valueOf(method);
        return named.equals(HttpMethod.GET) ? List.of(HttpMethod.GET, HttpMethod.HEAD) : List.of(named);
    }

    private static JwtAuthenticationConverter rightsFromScope() {
        var rights = new JwtGrantedAuthoritiesConverter();
        rights.setAuthorityPrefix("");
        rights.setAuthoritiesClaimName(TokenClaims.SCOPE);
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(rights);
        converter.setPrincipalClaimName(TokenClaims.IDENTITY_ID);
        return converter;
    }
}
