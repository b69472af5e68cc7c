package dev.aegis.framework.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.aegis.framework.Relationship;
import java.util.Locale;

/** Small coloured labels shared by the framework screens; the colours live in aegis.css. */
final class Badges {

    private Badges() {}

    static Span relationship(Relationship relationship) {
        Span badge = badge(label(relationship), "aegis-rel", cssClass(relationship));
        badge.setTitle(describe(relationship));
        return badge;
    }

    /** A relationship picker: short names in the field, each explained in the list. */
    static void relationshipPicker(Select<Relationship> select) {
        select.setItems(Relationship.values());
        select.setItemLabelGenerator(Badges::label);
        select.setRenderer(new ComponentRenderer<>(r -> {
            Span hint = new Span(describe(r));
            hint.addClassNames("aegis-hint");
            return new Div(new Div(label(r)), hint);
        }));
    }

    static Span needsReview() {
        Span badge = badge("needs review", "aegis-badge-review");
        badge.setTitle(
                "The published mapping looks doubtful (e.g. the number and title do not match); a reviewer should confirm it.");
        return badge;
    }

    static Span catalogChanged() {
        Span badge = badge("catalog changed", "aegis-badge-changed");
        badge.setTitle(
                "One end of this mapping changed or was withdrawn in a newer catalog version; check it still holds.");
        return badge;
    }

    static Span withdrawn() {
        return badge("withdrawn", "aegis-badge-withdrawn");
    }

    static Span plain(String text) {
        return badge(text);
    }

    static Span badge(String text, String... classes) {
        Span span = new Span(text);
        span.addClassNames("aegis-badge");
        span.addClassNames(classes);
        return span;
    }

    static String cssClass(Relationship relationship) {
        return "aegis-rel-" + relationship.name().toLowerCase(Locale.ROOT);
    }

    static String label(Relationship relationship) {
        return switch (relationship) {
            case EQUAL -> "equal";
            case SUBSET -> "subset of";
            case SUPERSET -> "superset of";
            case INTERSECT -> "intersects";
            case RELATED -> "related";
        };
    }

    /** The one-character mark used in the mapping matrix. */
    static String symbol(Relationship relationship) {
        return switch (relationship) {
            case EQUAL -> "=";
            case SUBSET -> "⊂";
            case SUPERSET -> "⊃";
            case INTERSECT -> "∩";
            case RELATED -> "~";
        };
    }

    static String describe(Relationship relationship) {
        return switch (relationship) {
            case EQUAL -> "Both say the same thing.";
            case SUBSET -> "The source asks for part of what the target asks.";
            case SUPERSET -> "The source asks for all the target asks, and more.";
            case INTERSECT -> "They overlap in part.";
            case RELATED -> "They deal with the same topic; the extent is not stated.";
        };
    }

    /** The relationship read from the other end of a mapping: a subset seen from the target is a superset. */
    static Relationship inverse(Relationship relationship) {
        return switch (relationship) {
            case SUBSET -> Relationship.SUPERSET;
            case SUPERSET -> Relationship.SUBSET;
            default -> relationship;
        };
    }
}
