package dev.aegis.risk;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Risks extends JpaRepository<Risk, Long>, JpaSpecificationExecutor<Risk> {

    @Query("select r.id from Risk r where r.status = dev.aegis.risk.RiskVocabulary.Status.ACCEPTED "
            + "and r.acceptanceExpiresOn < :today order by r.id")
    List<Long> acceptanceExpiredBefore(LocalDate today);
}
