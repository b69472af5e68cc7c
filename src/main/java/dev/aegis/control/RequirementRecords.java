package dev.aegis.control;

import java.time.Instant;
import java.util.List;

/**
 * A module whose records — not controls — meet framework requirements while they are in force: the AI management
 * system's published AI policy meets ISO/IEC 42001 clause 5.2, its published scope clause 4.3, and so on. Coverage
 * counts a requirement such a record meets as covered (directly, as an implemented control mapped in full would), for
 * the organisation and for every AI system whose scope includes the requirement, and carries it through crosswalks like
 * any other; the Coverage screen, the coverage API and evidence packs all ask here, packs as of their moment.
 *
 * <p>Implementations are Spring beans of other modules, found by type: the control module never names them. They are
 * asked inside a coverage computation by anyone who may read coverage, so they answer without checking permissions of
 * their own, and in a query or two.
 */
public interface RequirementRecords {

    /**
     * A record meeting a requirement.
     *
     * @param frameworkCode the framework, e.g. {@code ISO-IEC-42001-2023}
     * @param refId the requirement's reference in it, e.g. {@code 5.2}
     * @param record the record as people read it, e.g. "AI policy POL-001 version 2, in force since 2026-12-01"
     */
    record Met(String frameworkCode, String refId, String record) {}

    /** What this module's records in force at that moment meet (records that were withdrawn by then do not count). */
    List<Met> metAt(Instant at);
}
