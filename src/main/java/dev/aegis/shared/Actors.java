package dev.aegis.shared;

import java.util.Collection;
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

    /**
     * The prefix of the system actor's permissions, e.g. {@code SYSTEM:finding.record}. The system holds no role: each
     * service method it may call says so with {@code hasAuthority('SYSTEM:…')} beside the human roles, and the code
     * that acts as the system names the permissions it needs ({@link #runAsSystem}).
     */
    public static final String SYSTEM_PERMISSION = "SYSTEM:";

    private Actors() {}

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

    /** Whether the one acting holds this system permission (see {@link #runAsSystem}). */
    public static boolean holds(String permission) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
    }

    /** Work that may throw a checked exception, run by {@link #runAs}. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /**
     * Runs work as {@link #SYSTEM}, Aegis itself (the telemetry loop, event listeners, start-up and demo runners),
     * holding only the given permissions (each starting with {@link #SYSTEM_PERMISSION}) and no human role. The audit
     * log names the actor {@code system}. The caller's security context is back afterwards.
     */
    public static <E extends Exception> void runAsSystem(Collection<String> permissions, Work<E> work) throws E {
        for (String p : permissions) {
            if (!p.startsWith(SYSTEM_PERMISSION)) {
                throw new IllegalArgumentException("Not a system permission: " + p);
            }
        }
        runAs(
                UsernamePasswordAuthenticationToken.authenticated(
                        SYSTEM,
                        null,
                        permissions.stream().map(SimpleGrantedAuthority::new).toList()),
                work);
    }

    /**
     * Runs work as someone already authenticated, e.g. a background job carrying on for the person who asked for it
     * with their own permissions ({@link #authentication()} taken when they asked).
     */
    public static <E extends Exception> void runAs(Authentication who, Work<E> work) throws E {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Who is signed in right now, to carry on their behalf later ({@link #runAs(Authentication, Work)}); or null. */
    public static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    /**
     * Runs work signed in as {@code name} with one role (without the ROLE_ prefix), e.g. a start-up runner acting as
     * a test account. Aegis's own code never borrows a human role this way ({@code SystemActorTest} fails when it
     * does): it acts as {@link #runAsSystem the system} with named permissions, or as the person who asked.
     *
     * @deprecated only for tests; the one remaining production use (vendor shortfall findings) is being replaced
     */
    @Deprecated
    public static <E extends Exception> void runAs(String name, String role, Work<E> work) throws E {
        runAs(
                UsernamePasswordAuthenticationToken.authenticated(
                        name, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))),
                work);
    }

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return SYSTEM;
        }
        return auth.getName();
    }
}
