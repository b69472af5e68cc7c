package dev.aegis.shared.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings. Styles come from plain stylesheets served as static files (the top-level {@code frontend/}
 * folder), never from a Vaadin-built bundle: see ../shared/STACK.md.
 *
 * <p>Server push lets live screens (an AI system's telemetry) update themselves. Messages from the browser still travel
 * as ordinary requests ({@code WEBSOCKET_XHR}), so they pass Spring Security's filters and services see who is signed
 * in; only the server's updates use the WebSocket. The push client ships with Flow, outside the pre-compiled bundle.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("assets/aegis.css")
@Push(transport = Transport.WEBSOCKET_XHR)
@Meta(name = "referrer", content = "no-referrer")
public class AppShell implements AppShellConfigurator {}
