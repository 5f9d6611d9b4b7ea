package dev.idcred.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own security, for {@code /console/**} only (the API keeps its stateless bearer-token chain): a
 * session-backed sign-in with a credential's ID and secret, CSRF tokens on every form, a session id changed at
 * sign-in, sign-out that ends the session, and headers that allow nothing from anywhere else (no external script,
 * style, font or frame).
 */
@Configuration
class ConsoleSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none';"
            + " form-action 'self'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ServiceApi api) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authenticationProvider(new ConsoleSignIn(api))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/sign-in", "/console/sign-in/person", "/console/callback",
                                "/console/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/console/sign-in")
                        .loginProcessingUrl("/console/sign-in")
                        .usernameParameter("clientId")
                        .passwordParameter("clientSecret")
                        .defaultSuccessUrl("/console", true)
                        .failureHandler((request, response, failure) -> {
                            request.getSession().setAttribute(SignInController.FAILURE, failure.getMessage());
                            response.sendRedirect(request.getContextPath() + "/console/sign-in?failed");
                        }))
                .logout(logout -> logout
                        .logoutUrl("/console/sign-out")
                        .logoutSuccessUrl("/console/sign-in?signedOut")
                        .invalidateHttpSession(true)
                        .deleteCookies(ConsoleConfiguration.SESSION_COOKIE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) ->
                        response.sendRedirect(request.getContextPath() + "/console/sign-in")));
        return http.build();
    }
}
