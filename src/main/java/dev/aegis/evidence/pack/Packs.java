package dev.aegis.evidence.pack;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Packs extends JpaRepository<Pack, Long> {

    Page<Pack> findAllByOrderByRequestedAtDesc(Pageable page);

    List<Pack> findByStateIn(List<Pack.State> states);
}
