package dev.aegis.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * Grid cells with dates in grids whose cells wrap ({@code wrap-cell-content}): a date never breaks inside
 * ("2026-12-" / "04"). A period goes over two lines, its last date on the second ("2026-10-27 –" / "2027-11-06",
 * "from" / "2026-11-24"), so the column stays narrow and the key columns keep the width.
 */
public final class DateCells {

    private DateCells() {}

    /** A column of the text, its last word (the last date) kept whole on a line of its own where it must wrap. */
    public static <T> Grid.Column<T> add(Grid<T> grid, ValueProvider<T, String> text) {
        return grid.addColumn(LitRenderer.<T>of("<span class=\"aegis-nowrap\">${item.head}</span> "
                        + "<span class=\"aegis-nowrap\">${item.tail}</span>")
                .withProperty("head", item -> head(text.apply(item)))
                .withProperty("tail", item -> tail(text.apply(item))));
    }

    static String head(String text) {
        if (text == null) {
            return "";
        }
        int space = text.trim().lastIndexOf(' ');
        return space < 0 ? text.trim() : text.trim().substring(0, space);
    }

    static String tail(String text) {
        if (text == null) {
            return "";
        }
        int space = text.trim().lastIndexOf(' ');
        return space < 0 ? "" : text.trim().substring(space + 1);
    }
}
