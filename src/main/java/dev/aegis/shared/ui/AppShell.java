package dev.aegis.shared.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings. Styles come from plain stylesheets served as static files (the top-level {@code frontend/}
 * folder), never from a Vaadin-built bundle: see ../shared/STACK.md.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("assets/aegis.css")
@Meta(name = "referrer", content = "no-referrer")
public class AppShell implements AppShellConfigurator {
}
