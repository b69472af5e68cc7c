package dev.aegis.vendor;

import dev.aegis.vendor.Assessment.State;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The assessments the calendar looks at: due soon, past due, the latest approval of each vendor. */
interface AssessmentAgenda extends Repository<Assessment, Long> {

    @Query("select a from Assessment a where a.state in :states and a.dueOn between :from and :to order by a.dueOn")
    List<Assessment> dueBetween(Collection<State> states, LocalDate from, LocalDate to);

    @Query("select a from Assessment a where a.state in :states and a.overdueSince is null and a.dueOn < :today "
            + "order by a.dueOn")
    List<Assessment> pastDueNotFlagged(Collection<State> states, LocalDate today);

    /** Each vendor's most recently approved assessment. */
    @Query("select a from Assessment a where a.state = :approved and a.decidedAt = (select max(b.decidedAt) "
            + "from Assessment b where b.vendorId = a.vendorId and b.state = :approved)")
    List<Assessment> latestApprovals(State approved);

    /** Whether the vendor has an assessment started after this instant (its next cycle is under way). */
    @Query("select count(a) > 0 from Assessment a where a.vendorId = :vendorId and a.createdAt > :after")
    boolean startedAfter(long vendorId, Instant after);
}
