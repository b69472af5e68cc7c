package dev.aegis.vendor;

import dev.aegis.vendor.VendorVocabulary.Level;
import java.time.LocalDate;
import java.time.Period;

/**
 * How often a vendor is assessed again after an approval. A vendor without a chosen interval follows its criticality:
 * critical and high vendors yearly, the others not on a schedule.
 */
public enum ReassessmentInterval {
    NONE(null, "Not on a schedule"),
    SIX_MONTHS(Period.ofMonths(6), "Every six months"),
    YEARLY(Period.ofYears(1), "Yearly");

    private final Period period;
    private final String label;

    ReassessmentInterval(Period period, String label) {
        this.period = period;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The interval a vendor of this criticality follows unless one was chosen. */
    public static ReassessmentInterval defaultFor(Level criticality) {
        return criticality == Level.CRITICAL || criticality == Level.HIGH ? YEARLY : NONE;
    }

    /** The day the next assessment is due after an approval on {@code approvedOn}; null when not on a schedule. */
    public LocalDate nextDue(LocalDate approvedOn) {
        return period == null ? null : approvedOn.plus(period);
    }
}
