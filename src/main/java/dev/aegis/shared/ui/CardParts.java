package dev.aegis.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The pieces of a dashboard card, so every card reads alike: a titled column of blocks (nothing runs into the next
 * sentence), big figures that link to the filtered register behind them, a line saying which score or date a figure
 * uses, and short lists of records, each a link.
 */
public final class CardParts {

    private CardParts() {}

    /** An empty card with its id and title. */
    public static Div card(String id, String title) {
        Div card = new Div();
        card.setId(id);
        card.addClassNames("aegis-card");
        card.add(new H3(title));
        return card;
    }

    /** A card whose chart needs two columns of the dashboard where two fit. */
    public static Div wide(Div card) {
        card.addClassNames("aegis-card-wide");
        return card;
    }

    /** A big number and what it counts, both a link to the register filtered to exactly those records. */
    public static Div figure(long count, String what, String href) {
        Anchor number = new Anchor(href, String.valueOf(count));
        number.addClassNames("aegis-figure-number");
        Anchor text = new Anchor(href, what);
        Div row = new Div(number, text);
        row.addClassNames("aegis-figure");
        return row;
    }

    /** A small heading inside a card. */
    public static Span heading(String text) {
        Span span = new Span(text);
        span.addClassNames("aegis-card-heading");
        return span;
    }

    /** What a figure is based on, e.g. which score ranks the risks. */
    public static Span basis(String text) {
        Span span = new Span(text);
        span.addClassNames("aegis-card-basis");
        return span;
    }

    /** A list of records, each item a link followed by muted details. */
    public static UnorderedList list(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassNames("aegis-card-list");
        return list;
    }

    public static ListItem item(String href, String title, String details, Component... before) {
        ListItem item = new ListItem();
        item.add(before);
        item.add(new Anchor(href, title));
        if (details != null && !details.isBlank()) {
            Span muted = new Span(details);
            muted.addClassNames("aegis-muted");
            item.add(muted);
        }
        return item;
    }
}
