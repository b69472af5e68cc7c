package dev.aegis.shared.ui;

import com.vaadin.flow.component.tabs.Tabs;

/**
 * Plain {@link Tabs} that pass axe-core: vaadin-tabs 25.2 makes its scroll container focusable (tabindex=-1), so the
 * tab list owns an element that is not a tab (axe: aria-required-children, critical; {@code TabSheet} fails it too).
 * The tabs themselves take the focus (Tab reaches the chosen one, the arrow keys move between them), so the container
 * never needs to. Screens put one content box below the strip and fill it as a tab is chosen (Coverage, a system's
 * page).
 */
public final class TabStrips {

    private TabStrips() {}

    /** Names the tab list for screen readers and takes the focus off its scroll container. */
    public static Tabs accessible(Tabs tabs, String label) {
        tabs.getElement().setAttribute("aria-label", label);
        tabs.getElement()
                .executeJs("Promise.resolve(this.updateComplete).then(() => {"
                        + " const s = this.shadowRoot && this.shadowRoot.querySelector('#scroll');"
                        + " if (s) s.removeAttribute('tabindex'); });");
        return tabs;
    }
}
