package dev.aegis.finding.ui;

import com.vaadin.flow.component.html.Span;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Badges and words the findings screens share. */
final class FindingLabels {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private FindingLabels() {}

    static String color(Severity s) {
        return switch (s) {
            case LOW -> "#78909c";
            case MEDIUM -> "#f9a825";
            case HIGH -> "#ef6c00";
            case CRITICAL -> "#c62828";
        };
    }

    static Span severity(Severity s) {
        Span badge = new Span(s.label());
        badge.addClassNames("aegis-badge", "aegis-severity-" + s.name().toLowerCase());
        badge.getStyle().set("background", color(s)).set("color", s == Severity.MEDIUM ? "#1a1a1a" : "#ffffff");
        return badge;
    }

    static Span state(State s) {
        Span badge = new Span(s.label());
        badge.addClassNames("aegis-badge");
        if (s.isOpen()) {
            badge.addClassNames("aegis-badge-changed");
        }
        return badge;
    }

    static String when(Instant at) {
        return at == null ? "–" : WHEN.format(at);
    }
}
