package dev.aegis.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.aegis.security.OidcSignIn;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Sign-in with user name and password (and, when configured, the organisation's identity provider). */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Aegis")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();

    LoginView(OidcSignIn oidc) {
        addClassNames("aegis-login");
        setSizeFull();
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts(null));
        add(new H1("Aegis"), form);
        if (oidc.enabled()) {
            Anchor sso = new Anchor(oidc.startPath(), oidc.buttonLabel());
            sso.setId("oidc-sign-in");
            sso.setRouterIgnore(true);
            add(sso);
        }
        add(new Paragraph("Forgot your password? Ask an Aegis administrator to reset it."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setI18n(texts(lastFailure()));
            form.setError(true);
        }
    }

    private static Exception lastFailure() {
        var session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        Object e = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return e instanceof Exception ex ? ex : null;
    }

    static LoginI18n texts(Exception failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (failure instanceof LockedException) {
            error.setTitle("Account locked");
            error.setMessage(
                    "Too many failed sign-ins. The account is locked for 15 minutes; an administrator can unlock it sooner.");
        } else if (failure instanceof DisabledException) {
            error.setTitle("Account deactivated");
            error.setMessage("This account has been deactivated. Ask an Aegis administrator.");
        } else if (failure instanceof OAuth2AuthenticationException refused) {
            String reason = refused.getError().getDescription();
            error.setTitle("Single sign-on did not sign you in");
            error.setMessage(
                    reason == null || reason.isBlank()
                            ? "The identity provider refused or could not complete the sign-in. Try again, or ask an Aegis administrator."
                            : reason);
        } else {
            error.setTitle("Incorrect user name or password");
            error.setMessage("Check them and try again. After 5 failures in 15 minutes the account is locked.");
        }
        return i18n;
    }
}
