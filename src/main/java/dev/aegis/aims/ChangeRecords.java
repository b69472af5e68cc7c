package dev.aegis.aims;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChangeRecords extends JpaRepository<ChangeRecord, Long> {

    List<ChangeRecord> findAllByOrderByPlannedOnDescIdDesc();

    @Query("select c.reference from ChangeRecord c")
    List<String> references();
}
