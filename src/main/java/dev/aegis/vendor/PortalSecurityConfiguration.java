package dev.aegis.vendor;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
                .headers(h -> h.frameOptions(f -> f.deny()).contentTypeOptions(c -> { })
                        // the token is in the path: never send it on as a referrer
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .cacheControl(c -> { }));
        return http.build();
    }

    /** Per token: 30 calls at once, one every two seconds after. Per client address: 120 at once, 2 a second. */
    @Bean
    PortalLimits portalLimits(Clock clock) {
        return new PortalLimits(new PortalRateLimiter(30, 0.5, 10_000, clock),
                new PortalRateLimiter(120, 2, 10_000, clock));
    }
}
