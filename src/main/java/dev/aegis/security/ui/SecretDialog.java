package dev.aegis.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a secret (a one-time password, an API token) exactly once. Aegis keeps only a hash, so when this dialog closes
 * the secret is gone: the field is emptied and the dialog is not kept anywhere.
 */
class SecretDialog extends Dialog {

    final TextField secret = new TextField();
    final Button copy = new Button("Copy", new Icon(VaadinIcon.COPY));
    final Button done = new Button("Done");

    /**
     * @param fieldId stable id of the field that shows the secret
     * @param label what the secret is ("One-time password", "API token")
     * @param notes what the reader must know: who gets it, that it is shown only now, what to do with it
     */
    SecretDialog(String title, String fieldId, String label, String value, String... notes) {
        setHeaderTitle(title);
        setId(fieldId + "-dialog");
        addClassNames("aegis-secret-dialog");
        // a stray click next to the dialog must not throw the secret away; Esc and Done close it on purpose
        setCloseOnOutsideClick(false);
        setCloseOnEsc(true);

        secret.setId(fieldId);
        secret.setLabel(label);
        secret.setValue(value);
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassNames("aegis-secret-field");
        secret.getElement().setAttribute("autocomplete", "off");
        secret.getElement().setAttribute("spellcheck", "false");

        copy.setId(fieldId + "-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // copies from the field already in the browser, so the secret is not sent a second time; where the
        // clipboard API is not available (plain http), the text is at least selected for Ctrl+C
        copy.addClickListener(
                e -> secret.getElement()
                        .executeJs(
                                "const input = this.inputElement; if (input) { input.focus(); input.select(); }"
                                        + " if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(this.value); }"));

        HorizontalLayout row = new HorizontalLayout(secret, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, secret);

        for (String note : notes) {
            add(new Paragraph(note));
        }
        add(row);

        done.setId(fieldId + "-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClickListener(e -> close());
        done.addClickShortcut(Key.ENTER).listenOn(this);
        getFooter().add(done);

        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                secret.clear();
            }
        });
        setWidth("min(36rem, 95vw)");
    }
}
