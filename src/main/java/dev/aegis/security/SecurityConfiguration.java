package dev.aegis.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.aegis.security.ui.LoginView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two chains. The stateless API chain ({@code /api/**} and the actuator) takes personal API tokens and answers 401
 * with a problem detail; the Vaadin chain signs people in with a password (and a second factor) or OpenID Connect.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

    /**
     * Vaadin's client evaluates server-sent JavaScript with {@code new Function} and its bootstrap page carries inline
     * scripts, hence 'unsafe-eval' and 'unsafe-inline' for scripts; everything else stays on our own origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        // the OpenAPI document too when a client sends a token, so automation reads the API's own description;
        // without one it stays on the sign-in chain below (closed to anonymous callers, open to signed-in people)
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/api/**"),
                        paths.matcher("/actuator/**"),
                        SecurityConfiguration::apiDocsWithToken))
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // refused before the body is read, so a non-admin learns nothing from validation errors
                        .requestMatchers("/api/v1/users", "/api/v1/users/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> problem(
                                res,
                                HttpStatus.UNAUTHORIZED,
                                "Unauthorized",
                                "Send a valid API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((req, res, ex) -> problem(
                                res, HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not allow this action.")));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(
            HttpSecurity http,
            TwoFactorSignIn twoFactor,
            OidcSignIn oidc,
            ApplicationEventPublisher events,
            UserAccounts users,
            java.time.Clock clock)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/assets/**", "/error", "/images/**", "/favicon.ico")
                .permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authenticated());
        // the login page named here, not only by Vaadin's configurer below: form login is set up first, and without
        // a page of its own at that moment Spring Security serves its generated page instead of LoginView
        http.formLogin(f -> f.loginPage("/login")
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationSuccessHandler(twoFactor.successHandler());
                        return filter;
                    }
                }));
        oidc.configure(http);
        http.addFilterBefore(
                new SessionFreshnessFilter(users, clock),
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class).addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        events.publishEvent(new SecurityEvents.SignedOut(authentication.getName()));
                    }
                }));
        headers(http);
        return http.build();
    }

    private static boolean apiDocsWithToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && (path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/"));
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentTypeOptions(c -> {}));
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String title, String detail)
            throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
