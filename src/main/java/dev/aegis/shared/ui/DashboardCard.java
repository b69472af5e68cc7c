package dev.aegis.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A figure on the dashboard. Modules contribute cards as Spring beans; the dashboard shows those the signed-in
 * user may see, ordered by {@link #order()}.
 */
public interface DashboardCard {

    int order();

    /** Whether the current user may see this card. */
    default boolean visible() {
        return true;
    }

    Component render();
}
