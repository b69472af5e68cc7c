package dev.aegis.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.aegis.security.UserService;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Before any screen: someone signed in with a one-time password must first choose their own, and someone whose role
 * requires a second factor must first set one up.
 */
@Component
class SignInGuard implements VaadinServiceInitListener {

    private static final Set<Class<?>> ALWAYS_OPEN =
            Set.of(ChangePasswordView.class, TwoFactorSetupView.class, LoginView.class, TwoFactorView.class);
    private final transient UserService users;

    SignInGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        if (ALWAYS_OPEN.contains(event.getNavigationTarget())) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return;
        }
        if (users.mustChangePassword(auth.getName())) {
            event.rerouteTo(ChangePasswordView.class);
        } else if (users.mustEnrolTwoFactor(auth.getName())) {
            event.rerouteTo(TwoFactorSetupView.class);
        }
    }
}
