package dev.aegis.aims;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ManagementReviews extends JpaRepository<ManagementReview, Long> {

    List<ManagementReview> findAllByOrderByMeetingDateDescReferenceDesc();

    @Query("select r.reference from ManagementReview r where r.reference like :prefix%")
    List<String> referencesStartingWith(String prefix);

    /** Reviews held with a meeting date in [from, to]: for coverage of 9.3. */
    @Query(
            "select r from ManagementReview r where r.status = 'HELD' and r.meetingDate >= :from and r.meetingDate <= :to"
                    + " and r.heldAt <= :heldBy order by r.meetingDate desc")
    List<ManagementReview> heldBetween(LocalDate from, LocalDate to, java.time.Instant heldBy);

    /** Earlier reviews than this date: their actions are an input. */
    List<ManagementReview> findByMeetingDateBeforeOrderByMeetingDateDesc(LocalDate date);
}

interface ReviewOutputs extends JpaRepository<ReviewOutput, Long> {

    List<ReviewOutput> findByReviewIdOrderByIdAsc(long reviewId);

    List<ReviewOutput> findByReviewIdIn(Collection<Long> reviewIds);
}
