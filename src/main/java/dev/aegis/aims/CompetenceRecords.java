package dev.aegis.aims;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CompetenceRecords extends JpaRepository<CompetenceRecord, Long> {

    List<CompetenceRecord> findAllByOrderByUsernameAscCompletedOnDesc();

    /** Records expiring from today up to that day that were not reminded of yet. */
    @Query("select r from CompetenceRecord r where r.expiresOn is not null and r.expiresOn <= :by"
            + " and r.expiresOn >= :today and r.remindedAt is null order by r.expiresOn")
    List<CompetenceRecord> expiringUnreminded(LocalDate today, LocalDate by);
}
