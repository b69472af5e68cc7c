package dev.aegis.inventory.ui;

import com.vaadin.flow.component.Component;

/**
 * A section another module contributes to an AI system's page ({@link AiSystemPage}), as a Spring bean: the risk
 * register shows the system's risks and the threats none covers yet. The inventory owns the page and never imports the
 * modules that fill it, so the dependency runs from them to the inventory.
 */
@org.springframework.modulith.NamedInterface("system-page")
public interface SystemPagePanel {

    /** Where the panel stands on the page, lowest first. */
    int order();

    /** Whether the signed-in user sees this panel on this system's page. */
    default boolean visible(long systemId) {
        return true;
    }

    /**
     * The title of the panel's tab ("Risks and threats"); the page builds a tab's panel only when the tab is first
     * shown, and opens with the first tab. Null puts the panel beside the page's edit link, built with the page: only
     * for small things such as report buttons.
     */
    default String tab() {
        return null;
    }

    /** A fresh component for this system's page. */
    Component render(long systemId);
}
