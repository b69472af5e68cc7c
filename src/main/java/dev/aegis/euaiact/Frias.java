package dev.aegis.euaiact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Frias extends JpaRepository<Fria, Long> {

    List<Fria> findBySystemIdOrderByNumberDesc(long systemId);

    Optional<Fria> findFirstBySystemIdOrderByNumberDesc(long systemId);
}
