package dev.aegis.shared;

import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, as the audit log names them. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    /** Whether the signed-in user holds any of these roles (names without the ROLE_ prefix). */
    public static boolean hasAnyRole(String... roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (String role : roles) {
            String authority = "ROLE_" + role;
            if (auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()))) {
                return true;
            }
        }
        return false;
    }

    /** Work that may throw a checked exception, run by {@link #runAs}. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /**
     * Runs work signed in as {@code name} with one role (without the ROLE_ prefix), e.g. a start-up runner acting as
     * {@link #SYSTEM}, so the services check their permissions and the audit log names the actor as usual. The
     * caller's security context is back afterwards.
     */
    public static <E extends Exception> void runAs(String name, String role, Work<E> work) throws E {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return SYSTEM;
        }
        return auth.getName();
    }
}
