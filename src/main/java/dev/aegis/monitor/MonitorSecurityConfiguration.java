package dev.aegis.monitor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The monitor's own stateless chain for {@code /monitor/v1/**}, ordered before Aegis's chains: only monitor tokens
 * ({@code Authorization: Bearer aegm_...}) count here, never a signed-in session or a personal API token, so the
 * monitor works the same embedded and stand-alone.
 */
@Configuration(proxyBeanMethods = false)
@WhenMonitorEnabled
class MonitorSecurityConfiguration {

    /** The authority every valid monitor token carries. */
    static final String AUTHORITY = "MONITOR_TOKEN";

    @Bean
    @Order(0)
    SecurityFilterChain monitorChain(HttpSecurity http, MonitorTokenService tokens) throws Exception {
        http.securityMatcher("/monitor/v1/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AUTHORITY))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(new TokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> problem(
                                res,
                                HttpStatus.UNAUTHORIZED,
                                "Send a valid monitor token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler(
                                (req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "This token may not do this.")))
                .headers(h -> h.frameOptions(f -> f.deny()).contentTypeOptions(c -> {}));
        return http.build();
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String detail) throws IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    /** A request authenticated by a monitor token; its name reads {@code monitor-token:<token name>} in the audit log. */
    static final class MonitorTokenAuthentication extends AbstractAuthenticationToken {
        private final String tokenName;

        MonitorTokenAuthentication(String tokenName) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            this.tokenName = tokenName;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "monitor-token:" + tokenName;
        }
    }

    private static final class TokenFilter extends OncePerRequestFilter {
        private final MonitorTokenService tokens;

        TokenFilter(MonitorTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.authenticate(header.substring(7)).ifPresent(name -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(new MonitorTokenAuthentication(name));
                    SecurityContextHolder.setContext(context);
                });
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
