package dev.aegis.vendor;

import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.time.LocalDate;

/** An assessment as the board shows it: with its vendor's name and criticality and its template's title and version. */
public record AssessmentCard(
        long id,
        long vendorId,
        String vendorName,
        Level criticality,
        long templateId,
        String templateTitle,
        int templateVersion,
        State state,
        LocalDate dueOn,
        LocalDate overdueSince,
        Integer score) {

    /** Still awaiting the vendor after its due date. */
    public boolean overdue() {
        return overdueSince != null && AssessmentCalendar.AWAITING.contains(state);
    }

    /** The route of the assessment's own screen. */
    public String route() {
        return "assessments/" + id;
    }
}
