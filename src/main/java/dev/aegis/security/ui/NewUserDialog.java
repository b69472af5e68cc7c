package dev.aegis.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.aegis.security.Role;
import dev.aegis.security.UserService.NewUser;
import dev.aegis.shared.DomainRuleException;
import java.util.List;

/**
 * The form for a new local user. It only collects input and fires {@link CreateEvent}; whoever listens calls the
 * service and hands rule violations back through {@link #show(DomainRuleException)}.
 */
class NewUserDialog extends Dialog {

    final TextField username = new TextField("User name");
    final TextField displayName = new TextField("Display name");
    final EmailField email = new EmailField("E-mail (optional)");
    final CheckboxGroup<Role> roles = Roles.picker("new-user-roles");
    final Paragraph formError = new Paragraph();
    final Button create = new Button("Create user");
    final Button cancel = new Button("Cancel");

    NewUserDialog() {
        setHeaderTitle("New user");
        setId("new-user-dialog");
        setCloseOnEsc(true);
        setCloseOnOutsideClick(false);

        username.setId("new-user-username");
        username.setRequired(true);
        username.setMaxLength(100);
        username.setAllowedCharPattern("[A-Za-z0-9._@-]");
        username.setHelperText("3 to 100 letters, digits, dots, dashes, underscores or @. It cannot be changed later.");
        username.setAutofocus(true);
        displayName.setId("new-user-display-name");
        displayName.setMaxLength(200);
        displayName.setHelperText("How Aegis names this person; the user name if left empty.");
        email.setId("new-user-email");
        email.setMaxLength(320);
        email.setErrorMessage("Enter an e-mail address like name@example.org, or leave it empty.");
        formError.setId("new-user-error");
        formError.addClassNames("aegis-form-error");
        formError.setVisible(false);

        FormLayout form = new FormLayout(username, displayName, email, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(
                new Paragraph("Aegis makes a one-time password for the new user. You will see it once, next."),
                formError,
                form);

        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        create.addClickShortcut(Key.ENTER).listenOn(this);
        cancel.setId("cancel-new-user");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, create);
        setWidth("min(32rem, 95vw)");
    }

    void submit() {
        clearErrors();
        if (email.isInvalid()) {
            email.focus();
            return;
        }
        fireEvent(new CreateEvent(
                this, new NewUser(username.getValue(), displayName.getValue(), email.getValue(), roles.getValue())));
    }

    /** Puts the message next to the field the rule is about, or above the form when it is about no one field. */
    void show(DomainRuleException rule) {
        HasValidation field = switch (rule.field() == null ? "" : rule.field()) {
            case "username" -> username;
            case "displayName" -> displayName;
            case "email" -> email;
            case "roles" -> roles;
            default -> null;
        };
        if (field == null) {
            formError.setText(rule.getMessage());
            formError.setVisible(true);
            return;
        }
        field.setErrorMessage(rule.getMessage());
        field.setInvalid(true);
        if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
    }

    private void clearErrors() {
        formError.setVisible(false);
        for (HasValidation field : List.<HasValidation>of(username, displayName, roles)) {
            field.setInvalid(false);
        }
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static final class CreateEvent extends ComponentEvent<NewUserDialog> {
        private final NewUser request;

        CreateEvent(NewUserDialog source, NewUser request) {
            super(source, false);
            this.request = request;
        }

        NewUser request() {
            return request;
        }
    }
}
