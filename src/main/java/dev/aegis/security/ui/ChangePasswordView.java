package dev.aegis.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.security.PasswordPolicy;
import dev.aegis.security.UserService;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;

/** Choosing a new password: forced after a one-time password, and open to anyone from their account. */
@Route(value = "change-password", autoLayout = false)
@PageTitle("Change password · Aegis")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class ChangePasswordView extends VerticalLayout {

    private final transient UserService users;
    final PasswordField current = new PasswordField("Current password");
    final PasswordField password = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat the new password");
    final Button save = new Button("Change password");

    ChangePasswordView(UserService users) {
        this.users = users;
        addClassNames("aegis-narrow");
        current.setId("current-password");
        password.setId("new-password");
        repeat.setId("repeat-password");
        save.setId("change-password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password.");
        password.setMinLength(PasswordPolicy.MIN_LENGTH);
        current.setAutofocus(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> submit());
        FormLayout form = new FormLayout(current, password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(
                new H2("Choose a new password"),
                new Paragraph("Before you go on, replace the password you were given with one only you know."),
                form,
                save);
    }

    void submit() {
        current.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ.");
            repeat.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(current.getValue(), password.getValue());
        } catch (DomainRuleException e) {
            PasswordField field = "currentPassword".equals(e.field()) ? current : password;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            return;
        }
        Notification.show("Your password has been changed.", 3000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate("");
    }
}
