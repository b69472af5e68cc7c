package dev.aegis.control.ui;

import com.vaadin.flow.component.Component;

/**
 * A section another module contributes to a control's page (the control's dialog in the library), as a Spring bean:
 * the telemetry module offers the control's suggested telemetry test there. The control module owns the page and never
 * imports the modules that fill it, so the dependency runs from them to the control module.
 */
@org.springframework.modulith.NamedInterface("control-page")
public interface ControlPagePanel {

    /** Whether the signed-in user sees this panel on this control's page. */
    default boolean visible(long controlId, String starterId) {
        return true;
    }

    /** A fresh component for this control's page; {@code starterId} is its starter reference, or null. */
    Component render(long controlId, String starterId);
}
