package dev.aegis.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.shared.Registration;
import dev.aegis.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** Changes one user's roles. Fires {@link SaveEvent}; the listener calls the service and reports a refusal back. */
class RolesDialog extends Dialog {

    final CheckboxGroup<Role> roles = Roles.picker("edit-roles");
    final Button save = new Button("Save roles");
    final Button cancel = new Button("Cancel");

    RolesDialog(String username, Set<Role> current) {
        setHeaderTitle("Roles of " + username);
        setId("edit-roles-dialog");
        setCloseOnEsc(true);
        roles.setValue(current.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(current));
        add(roles);
        save.setId("save-roles");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            roles.setInvalid(false);
            fireEvent(new SaveEvent(this, roles.getValue()));
        });
        save.addClickShortcut(Key.ENTER).listenOn(this);
        cancel.setId("cancel-roles");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
    }

    void refuse(String message) {
        roles.setErrorMessage(message);
        roles.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<RolesDialog> {
        private final Set<Role> roles;

        SaveEvent(RolesDialog source, Set<Role> roles) {
            super(source, false);
            this.roles = roles;
        }

        Set<Role> roles() {
            return roles;
        }
    }
}
