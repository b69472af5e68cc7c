package dev.aegis.aims;

import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.control.RequirementRecords;
import dev.aegis.shared.Dates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which ISO/IEC 42001 requirements of performance evaluation and improvement (clauses 9 and 10) the AIMS's operational
 * records meet at a moment, for coverage ({@link RequirementRecords}): an internal audit completed in the twelve months
 * before meets 9.2 (9.2.1 and 9.2.2); a nonconformity closed after an effectiveness check in that period meets 10.2, and
 * any nonconformity or improvement opportunity so closed meets 10.1. Kept beside
 * {@link AimsCoverage}, which answers for the controlled documents and roles; a management review held in the twelve months meets 9.3 (9.3.1 to 9.3.3).
 */
@Component
class EvaluationCoverage implements RequirementRecords {

    /** How far back a completed audit still counts: the audit programme runs at least yearly. */
    static final int PERIOD_MONTHS = 12;

    private final InternalAudits audits;
    private final Nonconformities nonconformities;
    private final ManagementReviews reviews;

    EvaluationCoverage(InternalAudits audits, Nonconformities nonconformities, ManagementReviews reviews) {
        this.audits = audits;
        this.nonconformities = nonconformities;
        this.reviews = reviews;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Met> metAt(Instant at) {
        List<Met> out = new ArrayList<>();
        Instant from = at.atOffset(ZoneOffset.UTC).minusMonths(PERIOD_MONTHS).toInstant();
        audits.completedBetween(AuditStatus.COMPLETED, from, at).stream()
                .findFirst()
                .ifPresent(a -> {
                    String record = "Internal audit " + a.getReference() + " \"" + a.getTitle() + "\", completed "
                            + Dates.day(
                                    a.getCompletedAt().atOffset(ZoneOffset.UTC).toLocalDate());
                    out.add(new Met(AimsCoverage.ISO, "9.2.1", record));
                    out.add(new Met(AimsCoverage.ISO, "9.2.2", record));
                });
        // 9.3: a management review held (recorded by then) with its meeting in the period
        java.time.LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        reviews.heldBetween(day.minusMonths(PERIOD_MONTHS), day, at).stream()
                .findFirst()
                .ifPresent(r -> {
                    String record = "Management review " + r.getReference() + " \"" + r.getTitle() + "\", held "
                            + Dates.day(r.getMeetingDate());
                    for (String ref : List.of("9.3.1", "9.3.2", "9.3.3")) {
                        out.add(new Met(AimsCoverage.ISO, ref, record));
                    }
                });
        // 10.2: a nonconformity corrected and found effective by someone else in the period; 10.1: any nonconformity
        // or improvement opportunity closed so in the period (the AIMS improved)
        List<Nonconformity> closed = nonconformities.closedBetween(from, at);
        closed.stream()
                .filter(n -> n.getKind() == CorrectionVocabulary.NcKind.NONCONFORMITY)
                .findFirst()
                .ifPresent(n -> out.add(new Met(AimsCoverage.ISO, "10.2", closedRecord(n))));
        closed.stream().findFirst().ifPresent(n -> out.add(new Met(AimsCoverage.ISO, "10.1", closedRecord(n))));
        return out;
    }

    private static String closedRecord(Nonconformity n) {
        return n.getKind().label() + " " + n.getReference() + " \"" + n.getTitle() + "\", corrected and closed "
                + Dates.day(n.getClosedAt().atOffset(ZoneOffset.UTC).toLocalDate()) + " after an effectiveness check";
    }
}
