package dev.aegis.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;

/** Names a new API token and sets when it expires. Fires {@link CreateEvent}; the listener calls the service. */
class NewTokenDialog extends Dialog {

    static final int DEFAULT_DAYS = 90;

    final TextField name = new TextField("Name");
    final DatePicker expiresOn = new DatePicker("Expires on (UTC)");
    final Paragraph formError = new Paragraph();
    final Button create = new Button("Create token");
    final Button cancel = new Button("Cancel");

    NewTokenDialog(LocalDate today) {
        setHeaderTitle("New API token");
        setId("new-token-dialog");
        setCloseOnEsc(true);
        setCloseOnOutsideClick(false);

        name.setId("token-name");
        name.setRequired(true);
        name.setMaxLength(100);
        name.setHelperText("Say what uses it, e.g. \"nightly export script\".");
        name.setAutofocus(true);
        expiresOn.setId("token-expires");
        expiresOn.setValue(today.plusDays(DEFAULT_DAYS));
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setClearButtonVisible(true);
        expiresOn.setHelperText("The token stops working at the start of this day. Clear it for a token that never "
                + "expires (revoke it yourself when it is no longer needed).");
        formError.setId("new-token-error");
        formError.addClassNames("aegis-form-error");
        formError.setVisible(false);

        FormLayout form = new FormLayout(name, expiresOn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(
                new Paragraph(
                        "A token acts with your roles. Send it as 'Authorization: Bearer <token>' to the Aegis API."),
                formError,
                form);

        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        create.addClickShortcut(Key.ENTER).listenOn(this);
        cancel.setId("cancel-new-token");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, create);
        setWidth("min(30rem, 95vw)");
    }

    void submit() {
        name.setInvalid(false);
        formError.setVisible(false);
        if (expiresOn.isInvalid()) {
            expiresOn.focus();
            return;
        }
        fireEvent(new CreateEvent(this, name.getValue(), expiresOn.getValue()));
    }

    void show(DomainRuleException rule) {
        if ("name".equals(rule.field())) {
            name.setErrorMessage(rule.getMessage());
            name.setInvalid(true);
            name.focus();
        } else if ("expiresAt".equals(rule.field())) {
            expiresOn.setErrorMessage(rule.getMessage());
            expiresOn.setInvalid(true);
            expiresOn.focus();
        } else {
            formError.setText(rule.getMessage());
            formError.setVisible(true);
        }
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static final class CreateEvent extends ComponentEvent<NewTokenDialog> {
        private final String name;
        private final LocalDate expiresOn;

        CreateEvent(NewTokenDialog source, String name, LocalDate expiresOn) {
            super(source, false);
            this.name = name;
            this.expiresOn = expiresOn;
        }

        String name() {
            return name;
        }

        /** Null for a token that never expires. */
        LocalDate expiresOn() {
            return expiresOn;
        }
    }
}
