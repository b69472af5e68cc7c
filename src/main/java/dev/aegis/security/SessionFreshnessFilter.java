package dev.aegis.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session true to the account: an administrator's deactivation (or a lockout) ends the session at
 * its next request, and new roles apply at once instead of at the next sign-in. One primary-key read per request.
 */
class SessionFreshnessFilter extends OncePerRequestFilter {

    private final UserAccounts users;
    private final Clock clock;

    SessionFreshnessFilter(UserAccounts users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            UserAccount account = users.findByUsername(auth.getName()).orElse(null);
            if (account == null || !account.isEnabled() || account.isLockedAt(clock.instant())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!roles(auth).equals(roleAuthorities(account))) {
                refresh(request, auth, account);
            }
        }
        chain.doFilter(request, response);
    }

    private static void refresh(HttpServletRequest request, Authentication auth, UserAccount account) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        // keep what is not a role (e.g. OIDC scopes), replace the roles
        auth.getAuthorities().stream()
                .filter(a -> !a.getAuthority().startsWith("ROLE_"))
                .forEach(authorities::add);
        authorities.addAll(AegisUser.authorities(account.getRoles()));
        Authentication fresh;
        if (auth instanceof OAuth2AuthenticationToken oauth) {
            fresh = new OAuth2AuthenticationToken(
                    oauth.getPrincipal(), authorities, oauth.getAuthorizedClientRegistrationId());
        } else {
            Object principal =
                    auth.getPrincipal() instanceof AegisUser ? AegisUser.of(account, false) : auth.getPrincipal();
            UsernamePasswordAuthenticationToken token =
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
            token.setDetails(auth.getDetails());
            fresh = token;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    private static Set<String> roles(Authentication auth) {
        Set<String> roles = new HashSet<>();
        auth.getAuthorities().forEach(a -> {
            if (a.getAuthority().startsWith("ROLE_")) {
                roles.add(a.getAuthority());
            }
        });
        return roles;
    }

    private static Set<String> roleAuthorities(UserAccount account) {
        Set<String> roles = new HashSet<>();
        account.getRoles().forEach(r -> roles.add(r.authority()));
        return roles;
    }
}
