package dev.aegis.evidence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface EvidenceItems extends JpaRepository<EvidenceItem, Long>, JpaSpecificationExecutor<EvidenceItem> {
    Optional<EvidenceItem> findByRecordKey(String recordKey);
}

interface EvidenceVersions extends JpaRepository<EvidenceVersion, Long> {
    List<EvidenceVersion> findByItemIdOrderByNumberDesc(long itemId);

    Optional<EvidenceVersion> findByItemIdAndNumber(long itemId, int number);

    List<EvidenceVersion> findByItemIdInOrderByItemIdAscNumberAsc(Collection<Long> itemIds);
}

interface EvidenceLinks extends JpaRepository<EvidenceLink, Long> {
    List<EvidenceLink> findByItemIdAndUnlinkedAtIsNull(long itemId);

    List<EvidenceLink> findByItemIdInAndUnlinkedAtIsNull(Collection<Long> itemIds);
}
