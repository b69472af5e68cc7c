package dev.aegis.euaiact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClassificationRecords extends JpaRepository<ClassificationRecord, Long> {

    List<ClassificationRecord> findBySystemIdOrderByNumberDesc(long systemId);

    Optional<ClassificationRecord> findFirstBySystemIdOrderByNumberDesc(long systemId);
}
