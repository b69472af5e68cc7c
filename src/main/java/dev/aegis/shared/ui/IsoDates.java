package dev.aegis.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates in one format everywhere: grids, exports and PDFs print ISO 8601 ({@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-dd HH:mm UTC}), and so must every date picker. A picker formats and parses by its locale, taken from
 * the UI unless it has its own; Swedish writes dates as ISO 8601 and times on 24 hours, and the pickers' month and
 * day names stay English (they come from the picker's i18n, not from the locale). Set once per UI here, so no form
 * has to remember it.
 */
@Component
class IsoDates implements VaadinServiceInitListener {

    /** The locale whose date format is ISO 8601; only the pickers' format and parsing follow it. */
    static final Locale ISO_DATES = Locale.forLanguageTag("sv-SE");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(ISO_DATES));
    }
}
