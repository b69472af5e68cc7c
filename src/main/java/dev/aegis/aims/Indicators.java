package dev.aegis.aims;

import dev.aegis.aims.AimsDocumentService.DocumentSummary;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
import dev.aegis.control.ControlService;
import dev.aegis.risk.RiskService;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.vendor.AssessmentBoard;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Computes the indicators Aegis feeds itself, each through the owning module's service (never its tables), so a value
 * is what that module's own screens count. The caller needs read access to those registers: an officer recording now,
 * or the system actor with {@link #SYSTEM_PERMISSIONS}.
 */
@Component
class Indicators {

    /** What the system actor needs to compute every indicator (the daily record). */
    static final Set<String> SYSTEM_PERMISSIONS = Set.of(
            RiskService.SYSTEM_READ,
            ControlService.SYSTEM_READ,
            TelemetryService.SYSTEM_READ,
            dev.aegis.vendor.VendorService.SYSTEM_READ,
            dev.aegis.inventory.AiSystemService.SYSTEM_READ,
            AimsDocumentService.SYSTEM_READ);

    /** A computed value in percent, with what it counted ("12 of 15 high and critical risks treated"). */
    record Measurement(double value, String basis) {}

    private final RiskService risks;
    private final ControlService controls;
    private final TelemetryService telemetry;
    private final AssessmentBoard assessments;
    private final AimsDocumentService documents;

    Indicators(
            RiskService risks,
            ControlService controls,
            TelemetryService telemetry,
            AssessmentBoard assessments,
            AimsDocumentService documents) {
        this.risks = risks;
        this.controls = controls;
        this.telemetry = telemetry;
        this.assessments = assessments;
        this.documents = documents;
    }

    Measurement measure(Indicator indicator, LocalDate day) {
        return switch (indicator) {
            case HIGH_RISKS_TREATED -> {
                var t = risks.highRiskTreatment();
                yield share(t.treated(), t.high(), "high and critical risks treated, accepted or closed");
            }
            case CONTROLS_IMPLEMENTED -> {
                var f = controls.figures();
                yield share(f.implemented(), f.controls() - f.notApplicable(), "applicable controls implemented");
            }
            case TELEMETRY_TESTS_PASSING -> {
                var p = telemetry.testsPassing();
                yield share(p.passing(), p.tests(), "telemetry tests passing at their newest result");
            }
            case VENDOR_ASSESSMENTS_CURRENT -> {
                var c = assessments.assessmentCurrency(day);
                yield share(c.current(), c.vendors(), "vendors with a current approved assessment");
            }
            case POLICY_ACKNOWLEDGED -> {
                List<DocumentSummary> policies = documents.list(EnumSet.of(DocumentKind.AI_POLICY)).stream()
                        .filter(s -> s.inForceNumber() != null && s.acknowledged() != null)
                        .toList();
                if (policies.isEmpty()) {
                    yield new Measurement(0, "No AI policy is in force, so nobody could acknowledge one");
                }
                DocumentSummary p = policies.getFirst();
                yield share(
                        p.acknowledged(),
                        p.people(),
                        "people acknowledged " + p.reference() + " version " + p.inForceNumber());
            }
            case MANUAL -> throw new IllegalArgumentException("A manual indicator is entered by hand");
        };
    }

    /** {@code part} of {@code whole} in percent, one decimal; nothing to count reads 0 % and says so. */
    static Measurement share(long part, long whole, String what) {
        if (whole <= 0) {
            return new Measurement(0, "Nothing to count yet: 0 " + what);
        }
        double percent = Math.round(1000.0 * part / whole) / 10.0;
        return new Measurement(percent, part + " of " + whole + " " + what);
    }

    static String percent(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
