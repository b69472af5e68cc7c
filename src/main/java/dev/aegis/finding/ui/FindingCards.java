package dev.aegis.finding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.finding.FindingService;
import dev.aegis.finding.FindingService.ControlTestFigures;
import dev.aegis.finding.FindingService.SeverityCounts;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.DashboardCard;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The findings register's dashboard cards: controls passing and failing by their telemetry tests, open findings by
 * severity, and breaches per day over 30 days. A system owner sees the figures of the systems they own.
 */
@Configuration(proxyBeanMethods = false)
class FindingCards {

    static final int DAYS = 30;

    static boolean readsFindings() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER");
    }

    @Bean
    DashboardCard controlTestsCard(FindingService findings) {
        return new Card(40, () -> {
            ControlTestFigures t = findings.controlTests();
            Div card = card("control-tests-card", "Controls under telemetry test");
            if (t.tests() == 0) {
                card.add(new Paragraph("No telemetry test has run yet. Give a control applied to an AI system a "
                        + "telemetry test (metric, threshold, window) to see here whether it holds."));
                return card;
            }
            card.add(
                    line(t.controlsPassing(), "passing", "control", FindingCharts.RECOVERY),
                    line(t.controlsFailing(), "failing", "control", FindingCharts.BREACH));
            if (t.controlsWithoutData() > 0) {
                card.add(line(t.controlsWithoutData(), "without data", "control", "#78909c"));
            }
            card.add(
                    new Span(t.tests() + " tests by their latest result: " + t.testsPassing() + " passed, "
                            + t.testsFailing() + " failed, " + t.testsWithoutData() + " without data."),
                    new Anchor("findings?state=OPEN", "Open findings"));
            return card;
        });
    }

    @Bean
    DashboardCard openFindingsCard(FindingService findings) {
        return new Card(41, () -> {
            SeverityCounts counts = findings.openBySeverity();
            Div card =
                    dev.aegis.shared.ui.CardParts.wide(card("open-findings-card", "Open findings: " + counts.total()));
            if (counts.total() == 0) {
                card.add(
                        new Paragraph("No open findings: every breach so far has been resolved or accepted."),
                        new Anchor("findings", "Open the findings register"));
                return card;
            }
            List<FindingCharts.Bar> bars = new ArrayList<>();
            for (Severity s : Severity.values()) {
                bars.add(new FindingCharts.Bar(s.label(), counts.counts().get(s), FindingLabels.color(s)));
            }
            card.add(
                    new Html("<div class='aegis-chart-box'>"
                            + FindingCharts.bars("Open or investigating, by severity", bars) + "</div>"),
                    new Anchor("findings?state=OPEN", "Open findings"),
                    new Anchor("findings?severity=CRITICAL", "Critical findings"));
            return card;
        });
    }

    @Bean
    DashboardCard breachTimelineCard(FindingService findings) {
        return new Card(42, () -> {
            Div card = dev.aegis.shared.ui.CardParts.wide(
                    card("breach-timeline-card", "Breaches, last " + DAYS + " days"));
            card.add(
                    new Html("<div class='aegis-chart-box'>"
                            + FindingCharts.daily(
                                    "Failed tests and alerts per day " + "(UTC)", findings.breachesPerDay(DAYS))
                            + "</div>"),
                    new Anchor("findings", "Open the findings " + "register"));
            return card;
        });
    }

    private static Div card(String id, String title) {
        Div card = new Div();
        card.setId(id);
        card.addClassNames("aegis-card");
        card.add(new H3(title));
        return card;
    }

    private static Div line(long count, String what, String noun, String color) {
        Div row = new Div();
        Span n = new Span(String.valueOf(count));
        n.getStyle()
                .set("font-size", "var(--lumo-font-size-xxl)")
                .set("font-weight", "600")
                .set("color", color)
                .set("margin-right", "var(--lumo-space-s)");
        row.add(n, new Span((count == 1 ? noun : noun + "s") + " " + what));
        return row;
    }

    /** A card drawn by a function, visible to those who read findings. */
    private record Card(int order, java.util.function.Supplier<Component> body) implements DashboardCard {
        @Override
        public boolean visible() {
            // officers see the organisation, owners their systems; auditors' dashboard is about evidence and coverage
            return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "SYSTEM_OWNER");
        }

        @Override
        public Component render() {
            return body.get();
        }
    }
}
