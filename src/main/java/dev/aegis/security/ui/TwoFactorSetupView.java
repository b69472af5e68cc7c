package dev.aegis.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.security.UserService;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;

/** Setting up two-factor sign-in: scan the QR code (or type the secret) into an authenticator app, then confirm a code. */
@Route(value = "account/two-factor", autoLayout = false)
@PageTitle("Two-factor sign-in · Aegis")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class TwoFactorSetupView extends VerticalLayout {

    private final transient UserService users;
    final TextField code = new TextField("Code from the app");
    final Button confirm = new Button("Turn on two-factor sign-in");
    final Span secret = new Span();

    TwoFactorSetupView(UserService users) {
        this.users = users;
        addClassNames("aegis-narrow");
        add(new H2("Two-factor sign-in"));
        if (users.me().isTotpEnabled()) {
            add(
                    new Paragraph(
                            "Two-factor sign-in is on for your account. If you lose your phone, an administrator can reset it."),
                    new Button("Back", e -> UI.getCurrent().navigate("")));
            return;
        }
        UserService.TwoFactorEnrolment enrolment = users.startTwoFactorEnrolment();
        Div qr = new Div();
        qr.getElement().setProperty("innerHTML", QrCode.svg(enrolment.otpauthUri()));
        qr.setId("totp-qr");
        secret.setText(enrolment.secret());
        secret.setId("totp-secret");
        secret.addClassNames("aegis-secret");
        code.setId("totp-confirm-code");
        code.setAllowedCharPattern("[0-9]");
        code.setMaxLength(6);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(e -> submit());
        add(
                new Paragraph(
                        "Scan this code with an authenticator app (any app that supports TOTP), or type in the secret below."),
                qr,
                secret,
                code,
                confirm);
    }

    void submit() {
        try {
            users.confirmTwoFactor(code.getValue());
        } catch (DomainRuleException e) {
            code.setErrorMessage(e.getMessage());
            code.setInvalid(true);
            return;
        }
        Notification.show("Two-factor sign-in is on.", 3000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate("");
    }
}
