package dev.aegis.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * Grid cells with people in grids whose cells wrap ({@code wrap-cell-content}): a person is shown by the display name,
 * which wraps between its words, and the whole label ("Demo Officer (demo-officer)") is the cell's tooltip — so a name
 * never breaks at the user name's hyphen ("(demo-" / "officer)") and narrow columns keep their width. A person without
 * a display name is shown by the user name, kept whole. The column sorts by the whole label.
 */
public final class NameCells {

    private NameCells() {}

    /** A column of people's labels ({@code UserDirectory.Person#label}): the display name, or the user name kept whole. */
    public static <T> Grid.Column<T> add(Grid<T> grid, ValueProvider<T, String> label) {
        return grid.addColumn(LitRenderer.<T>of("${item.name} <span class=\"aegis-nowrap\">${item.user}</span>")
                        .withProperty("name", item -> name(label.apply(item)))
                        .withProperty("user", item -> user(label.apply(item))))
                .setComparator(item -> {
                    String l = label.apply(item);
                    return l == null ? "" : l.toLowerCase(java.util.Locale.ROOT);
                })
                .setTooltipGenerator(label);
    }

    /**
     * Several people in one cell ("Ana Martins, Bo Kim"), each by display name (a user name kept whole): for a
     * component column of a short grid.
     */
    public static com.vaadin.flow.component.html.Span list(java.util.List<String> labels) {
        com.vaadin.flow.component.html.Span cell = new com.vaadin.flow.component.html.Span();
        for (int i = 0; i < labels.size(); i++) {
            String comma = i + 1 < labels.size() ? "," : "";
            String name = name(labels.get(i));
            if (name.isEmpty()) {
                com.vaadin.flow.component.html.Span user =
                        new com.vaadin.flow.component.html.Span(user(labels.get(i)) + comma);
                user.addClassName("aegis-nowrap");
                cell.add(user);
            } else {
                cell.add(new com.vaadin.flow.component.Text(name + comma));
            }
            if (!comma.isEmpty()) {
                cell.add(new com.vaadin.flow.component.Text(" "));
            }
        }
        cell.getElement().setAttribute("title", String.join(", ", labels));
        return cell;
    }

    /** The display name before "(user name)" or "· user name"; empty for a bare user name. */
    static String name(String label) {
        if (label == null) {
            return "";
        }
        int cut = cut(label);
        return cut < 0
                ? (label.contains(" ") ? label : "")
                : label.substring(0, cut).trim();
    }

    /** The part kept whole: a bare user name ("demo-officer"); empty when there is a display name. */
    static String user(String label) {
        if (label == null) {
            return "";
        }
        return cut(label) < 0 && !label.contains(" ") ? label : "";
    }

    private static int cut(String label) {
        if (label.endsWith(")") && label.lastIndexOf(" (") > 0) {
            return label.lastIndexOf(" (");
        }
        return label.lastIndexOf(" · ");
    }
}
