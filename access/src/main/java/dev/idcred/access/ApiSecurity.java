package dev.idcred.access;

import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.RightsCatalogue;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Map;

/**
 * Every {@code /v3/**} call needs a bearer token this service signed, and the right the catalogue names for its
 * endpoint. No token: 401 with {@code {"error": ...}}. A token without the right: 403 with the error body. A signed
 * token is then weighed against its credential as it is now ({@link CurrentAccessFilter}).
 */
@Configuration
public class ApiSecurity {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, RightsCatalogue catalogue, ObjectMapper json,
                                               AccessTokenGate gate, ClientOrigins origins, AccessRefusals refusals)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> write(response, 401,
                Map.of("error", "A valid bearer token is required"), json);
        AccessDeniedHandler forbidden = (request, response, e) -> write(response, 403, ApiError.of(
                ErrorCode.FORBIDDEN.detailCode(), TrackingId.of(request),
                "The token lacks the rights this request needs"), json);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    for (RightsCatalogue.EndpointRule rule : catalogue.endpoints()) {
                        auth.requestMatchers(HttpMethod.valueOf(rule.method()), rule.path())
                                .hasAnyAuthority(rule.anyOf().toArray(String[]::new));
                    }
                    auth.requestMatchers("/v3/**").authenticated();
                    auth.anyRequest().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rightsFromScope()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterAfter(new CurrentAccessFilter(gate, origins, refusals, json),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
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

    private static void write(HttpServletResponse response, int status, Object body, ObjectMapper json)
            throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
