package dev.aegis.aims;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChangeRecords extends JpaRepository<ChangeRecord, Long> {

    List<ChangeRecord> findAllByOrderByPlannedOnDescIdDesc();

    /** Every change with its AI systems in one query (the systems are otherwise read change by change). */
    @Query("select distinct c from ChangeRecord c left join fetch c.systems order by c.plannedOn desc, c.id desc")
    List<ChangeRecord> allWithSystems();

    @Query("select c.reference from ChangeRecord c")
    List<String> references();
}
