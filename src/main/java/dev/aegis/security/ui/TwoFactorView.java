package dev.aegis.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.aegis.security.TwoFactorSignIn;
import jakarta.servlet.http.HttpSession;

/** The second sign-in step: the six-digit code from the authenticator app. */
@Route(value = TwoFactorSignIn.CODE_PATH, autoLayout = false)
@PageTitle("Two-factor code · Aegis")
@AnonymousAllowed
public class TwoFactorView extends VerticalLayout implements BeforeEnterObserver {

    private final transient TwoFactorSignIn twoFactor;
    final TextField code = new TextField("Code from your authenticator app");
    final Button verify = new Button("Verify");

    TwoFactorView(TwoFactorSignIn twoFactor) {
        this.twoFactor = twoFactor;
        addClassNames("aegis-login");
        setSizeFull();
        code.setId("totp-code");
        code.setPattern("\\d{6}");
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        verify.setId("totp-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(e -> submit());
        add(
                new H1("Aegis"),
                new Paragraph("Enter the six-digit code your authenticator app shows for Aegis."),
                code,
                verify);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (twoFactor.pendingUser(httpSession()).isEmpty()) {
            event.forwardTo(LoginView.class);
        }
    }

    void submit() {
        if (twoFactor.complete(httpSession(), code.getValue())) {
            // a new session id after signing in, against session fixation
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            UI.getCurrent().getPage().setLocation("/");
        } else {
            code.setInvalid(true);
            code.setErrorMessage("That code is not right. Check the time on your phone and try again.");
            code.clear();
        }
    }

    private static HttpSession httpSession() {
        return ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
    }
}
