package dev.aegis.control.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.FrameworkCoverage;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.framework.CatalogViews;
import dev.aegis.inventory.AiSystem;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The dashboard's control figures: implementation rate, the organisation's coverage per framework, the top gaps
 * (requirements no control meets, a few per framework in catalog order) and the AI systems without controls.
 */
@org.springframework.stereotype.Component
class ControlCard implements DashboardCard {

    private final ControlService controls;
    private final CoverageService coverage;

    ControlCard(ControlService controls, CoverageService coverage) {
        this.controls = controls;
        this.coverage = coverage;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean visible() {
        return dev.aegis.shared.Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    @Override
    public Component render() {
        Div card = new Div();
        card.setId("control-card");
        card.addClassNames("aegis-card");
        ControlService.Figures f = controls.figures();
        card.add(new H3("Controls: " + f.implementationRate() + " % implemented"));
        if (f.controls() == 0) {
            card.add(
                    new Paragraph("No controls yet. Adopt the starter library to begin."),
                    new Anchor("controls", "Open the control library"));
            return card;
        }
        card.add(new Paragraph(
                f.implemented() + " of " + (f.controls() - f.notApplicable()) + " applicable controls implemented."));
        Div bars = new Div();
        bars.addClassNames("aegis-bars");
        List<FrameworkCoverage> frameworks = coverage.organisation();
        for (FrameworkCoverage c : frameworks) {
            Span pct = new Span(c.percent() + " %");
            pct.addClassNames(
                    "aegis-badge",
                    c.percent() >= 75
                            ? "aegis-cov-covered"
                            : c.percent() >= 40 ? "aegis-cov-partial" : "aegis-cov-not-covered");
            Div row = new Div(
                    new Anchor(
                            "coverage?framework=" + URLEncoder.encode(c.frameworkCode(), StandardCharsets.UTF_8),
                            CatalogViews.FrameworkSummary.shortName(c.frameworkCode(), c.frameworkName())),
                    pct);
            row.addClassNames("aegis-band-row");
            bars.add(row);
        }
        card.add(CardParts.heading("Coverage per framework (requirements met by implemented controls)"), bars);
        List<RequirementCoverage> gaps = frameworks.stream()
                .flatMap(c -> c.requirements().stream())
                .filter(r -> r.level() == CoverageLevel.NOT_COVERED)
                .collect(java.util.stream.Collectors.groupingBy(
                        r -> r.requirement().frameworkCode(),
                        java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()))
                .values()
                .stream()
                .flatMap(l -> l.stream().limit(2))
                .limit(6)
                .toList();
        if (!gaps.isEmpty()) {
            Div list = new Div();
            list.setId("top-gaps");
            gaps.forEach(g -> {
                var r = g.requirement();
                Anchor link = new Anchor("frameworks/" + r.frameworkCode() + "?req=" + r.id(), r.label());
                Span framework = new Span(dev.aegis.framework.CatalogViews.FrameworkSummary.shortName(
                                r.frameworkCode(), r.frameworkCode())
                        + " · ");
                framework.addClassNames("aegis-muted");
                list.add(new Div(framework, link));
            });
            card.add(CardParts.heading("Top gaps"), list);
        }
        List<AiSystem> bare = controls.systemsWithoutControls(5);
        card.add(new Paragraph(f.systemsWithoutControls() + " AI system" + (f.systemsWithoutControls() == 1 ? "" : "s")
                + " without controls"
                + (bare.isEmpty()
                        ? "."
                        : ": "
                                + String.join(
                                        ", ",
                                        bare.stream().map(AiSystem::getName).toList())
                                + (f.systemsWithoutControls() > bare.size() ? " …" : ""))));
        card.add(new Anchor("coverage", "Open coverage and gaps"));
        return card;
    }
}
