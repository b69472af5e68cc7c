package dev.aegis.security;

import dev.aegis.security.SecurityEvents.SignInFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second sign-in step. After a correct password, a user with two-factor sign-in is not signed in yet: the
 * authentication waits in the HTTP session until the code from the authenticator app is right.
 */
@Component
public class TwoFactorSignIn {

    static final String PENDING = TwoFactorSignIn.class.getName() + ".pending";
    public static final String CODE_PATH = "two-factor";

    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TwoFactorSignIn(UserAccounts users, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Wraps the form login's success handler: users with a second factor go to the code page instead. */
    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler normal = new SavedRequestAwareAuthenticationSuccessHandler();
        normal.setDefaultTargetUrl("/");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            boolean needsCode = users.findByUsername(authentication.getName())
                    .map(UserAccount::isTotpEnabled)
                    .orElse(false);
            if (!needsCode) {
                normal.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession();
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.setAttribute(PENDING, authentication);
            response.sendRedirect(request.getContextPath() + "/" + CODE_PATH);
        };
    }

    /** The user name waiting for its code in this session, if any. */
    public java.util.Optional<String> pendingUser(HttpSession session) {
        return session.getAttribute(PENDING) instanceof Authentication a
                ? java.util.Optional.of(a.getName())
                : java.util.Optional.empty();
    }

    /**
     * Checks the code; when it is right, the waiting authentication becomes the session's. A wrong code counts as a
     * failed sign-in.
     */
    @Transactional
    public boolean complete(HttpSession session, String code) {
        if (!(session.getAttribute(PENDING) instanceof Authentication pending)) {
            return false;
        }
        UserAccount account = users.findByUsername(pending.getName()).orElse(null);
        if (account == null || !account.isEnabled() || account.isLockedAt(clock.instant())) {
            session.removeAttribute(PENDING);
            return false;
        }
        if (!Totp.verify(account.getTotpSecret(), code, clock.instant())) {
            events.publishEvent(new SignInFailed(account.getUsername(), "WrongTwoFactorCode"));
            return false;
        }
        session.removeAttribute(PENDING);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(pending);
        SecurityContextHolder.setContext(context);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        events.publishEvent(new SecurityEvents.SignInSucceeded(account.getUsername(), "password+totp"));
        return true;
    }
}
