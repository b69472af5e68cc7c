package dev.aegis.control.ui;

import com.vaadin.flow.component.html.Span;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.control.ThreatCoverageService.ThreatStatus;

/** Coverage and threat labels; the colours live in aegis.css. */
final class CoverageBadges {

    private CoverageBadges() {}

    static Span level(CoverageLevel level) {
        Span s = new Span(
                switch (level) {
                    case COVERED -> "Covered";
                    case PARTIAL -> "Partly covered";
                    case NOT_COVERED -> "Not covered";
                });
        s.addClassNames(
                "aegis-badge",
                switch (level) {
                    case COVERED -> "aegis-cov-covered";
                    case PARTIAL -> "aegis-cov-partial";
                    case NOT_COVERED -> "aegis-cov-not-covered";
                });
        return s;
    }

    /** The level, marked when it came through a crosswalk (the path in the tooltip). */
    static Span of(RequirementCoverage c) {
        Span s = level(c.level());
        if (c.via() != null) {
            s.setText(s.getText() + " ⇄");
            s.setTitle(c.via().describe());
        }
        return s;
    }

    static Span threat(ThreatStatus status) {
        Span s = new Span(
                switch (status) {
                    case MITIGATED -> "Mitigated";
                    case IN_PROGRESS -> "In progress";
                    case UNMITIGATED -> "Unmitigated";
                    case NO_KNOWN_MITIGATION -> "No known mitigation";
                });
        s.addClassNames(
                "aegis-badge",
                switch (status) {
                    case MITIGATED -> "aegis-cov-covered";
                    case IN_PROGRESS -> "aegis-cov-partial";
                    case UNMITIGATED -> "aegis-cov-not-covered";
                    case NO_KNOWN_MITIGATION -> "aegis-cov-none";
                });
        return s;
    }
}
