package dev.aegis.vendor;

import dev.aegis.shared.ClientRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The vendor portal's own stateless chain for {@code /portal/**}, ordered before Aegis's chains: no sign-in, no
 * session, no API token — the private link's token in the path is the only permission, checked by
 * {@link PortalService}. Nothing else of Aegis is reachable through it.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(new PortalActorFilter(), AuthorizationFilter.class)
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentTypeOptions(c -> {})
                        // the token is in the path: never send it on as a referrer
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .cacheControl(c -> {}));
        return http.build();
    }

    /** Per token: 30 calls at once, one every two seconds after. Per client address: 120 at once, 2 a second. */
    @Bean
    PortalLimits portalLimits(Clock clock) {
        return new PortalLimits(
                new ClientRateLimiter(30, 0.5, 10_000, clock), new ClientRateLimiter(120, 2, 10_000, clock));
    }

    /** The audit log names portal changes {@value #ACTOR}; the identity carries no role, so no service lets it in. */
    static final String ACTOR = "vendor-portal";

    private static final class PortalActor extends AbstractAuthenticationToken {
        PortalActor() {
            super(List.of());
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return ACTOR;
        }
    }

    private static final class PortalActorFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new PortalActor());
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
