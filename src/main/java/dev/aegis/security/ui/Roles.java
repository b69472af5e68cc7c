package dev.aegis.security.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import dev.aegis.security.Role;
import java.util.Collection;
import java.util.stream.Collectors;

/** How roles look on screen: their labels, in the order of {@link Role}. */
final class Roles {

    private Roles() {}

    static String labels(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }

    static CheckboxGroup<Role> picker(String id) {
        CheckboxGroup<Role> group = new CheckboxGroup<>("Roles");
        group.setId(id);
        group.setItems(Role.values());
        group.setItemLabelGenerator(Role::label);
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.setRequiredIndicatorVisible(true);
        group.setHelperText("Administrators manage users and settings; auditors read the audit log.");
        return group;
    }
}
