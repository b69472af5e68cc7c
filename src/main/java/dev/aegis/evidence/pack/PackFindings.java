package dev.aegis.evidence.pack;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The open findings of a pack's scope at its as-of moment ({@link RegisterPackFindings} reads the findings register;
 * {@link #NONE} stands in where no findings register runs, and the PDF says so).
 */
public interface PackFindings {

    /** One open finding: reference, title, severity, status. */
    record Finding(String reference, String title, String severity, String status) {}

    /** Null when no findings register exists (the PDF then says so), else the findings open at that moment. */
    List<Finding> openAt(Set<Long> systemIds, Instant at);

    PackFindings NONE = (systems, at) -> null;
}
