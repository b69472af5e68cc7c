package dev.aegis.evidence.pack;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The hook for open findings in a pack. There is no findings module in this build yet: {@link #NONE} says so on the
 * PDF. When the findings module lands, it provides a bean of this type and the section lists its findings.
 */
public interface PackFindings {

    /** One open finding: reference, title, severity, status. */
    record Finding(String reference, String title, String severity, String status) {
    }

    /** Null when no findings register exists (the PDF then says so), else the findings open at that moment. */
    List<Finding> openAt(Set<Long> systemIds, Instant at);

    PackFindings NONE = (systems, at) -> null;
}
