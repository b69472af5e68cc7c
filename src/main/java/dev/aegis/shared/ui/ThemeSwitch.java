package dev.aegis.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Light and dark theme. The choice is the browser's (kept in its local storage), so it needs no server state and
 * survives a switch to another Aegis instance.
 */
final class ThemeSwitch {

    private ThemeSwitch() {}

    static void applyStored(Component any) {
        any.getElement()
                .executeJs("const t = localStorage.getItem('aegis-theme');"
                        + "if (t === 'dark') document.documentElement.setAttribute('theme', 'dark');"
                        + "else document.documentElement.removeAttribute('theme');");
    }

    static Button button() {
        Button toggle = new Button(new Icon(VaadinIcon.ADJUST));
        toggle.setId("theme-toggle");
        toggle.setTooltipText("Switch light / dark theme");
        toggle.setAriaLabel("Switch light or dark theme");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        toggle.addClickListener(
                e -> toggle.getElement()
                        .executeJs(
                                "const dark = document.documentElement.getAttribute('theme') === 'dark';"
                                        + "if (dark) { document.documentElement.removeAttribute('theme'); localStorage.setItem('aegis-theme', 'light'); }"
                                        + "else { document.documentElement.setAttribute('theme', 'dark'); localStorage.setItem('aegis-theme', 'dark'); }"));
        return toggle;
    }
}
