package dev.aegis.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A register's filters in its address ({@code vendors?tier=HIGH}), read when the register opens and written back as
 * they change, so a dashboard figure can link to exactly the records it counts and a filtered register is
 * bookmarkable. Unknown or malformed values are ignored: the register then shows more, never an error.
 */
public final class AddressFilters {

    private final Map<String, List<String>> params;

    private AddressFilters(Map<String, List<String>> params) {
        this.params = params;
    }

    public static AddressFilters of(QueryParameters query) {
        return new AddressFilters(query.getParameters());
    }

    /** The first non-blank value of the parameter. */
    public Optional<String> text(String name) {
        return params.getOrDefault(name, List.of()).stream()
                .filter(v -> !v.isBlank())
                .map(String::trim)
                .findFirst();
    }

    public Optional<Long> id(String name) {
        try {
            return text(name).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An enum constant by its name, in any letter case ({@code tier=high}). */
    public <E extends Enum<E>> Optional<E> value(String name, Class<E> type) {
        try {
            return text(name).map(v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the parameter says {@code true}. */
    public boolean flag(String name) {
        return text(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** Replaces the address of the current page with the route and these filters, without a navigation. */
    public static void write(String route, Map<String, String> filters) {
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location(route, QueryParameters.simple(filters)));
    }
}
