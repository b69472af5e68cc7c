package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AimsVocabulary.VersionStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AimsDocuments extends JpaRepository<AimsDocument, Long> {

    List<AimsDocument> findByKindInOrderByReference(Collection<DocumentKind> kinds);

    @Query("select d.reference from AimsDocument d where d.reference like :prefix%")
    List<String> referencesStartingWith(String prefix);
}

interface DocumentVersions extends JpaRepository<DocumentVersion, Long> {

    List<DocumentVersion> findByDocumentIdOrderByNumberDesc(long documentId);

    List<DocumentVersion> findByDocumentIdInOrderByNumberDesc(Collection<Long> documentIds);

    Optional<DocumentVersion> findByDocumentIdAndNumber(long documentId, int number);

    List<DocumentVersion> findByStatusIn(Collection<VersionStatus> statuses);

    /** Versions in force whose review date is on or before {@code horizon} and not yet reminded as overdue. */
    @Query("select v from DocumentVersion v where v.status = dev.aegis.aims.AimsVocabulary.VersionStatus.PUBLISHED"
            + " and v.reviewBy <= :horizon and (v.reviewReminded is null"
            + " or v.reviewReminded <> dev.aegis.aims.ReviewReminder.Milestone.OVERDUE) order by v.reviewBy")
    List<DocumentVersion> inForceForReviewBy(java.time.LocalDate horizon);
}

interface Acknowledgements extends JpaRepository<Acknowledgement, Acknowledgement.Key> {

    List<Acknowledgement> findByKeyVersionIdOrderByAcknowledgedAt(long versionId);

    List<Acknowledgement> findByKeyVersionIdIn(Collection<Long> versionIds);
}

interface RoleAssignments extends JpaRepository<RoleAssignment, Long> {

    List<RoleAssignment> findAllByOrderByRoleAscSinceDesc();
}

interface VersionsInForce extends org.springframework.data.repository.Repository<DocumentVersion, Long> {

    /** The versions published at that moment and not yet superseded or withdrawn then. */
    @Query("select v from DocumentVersion v where v.publishedAt is not null and v.publishedAt <= :at"
            + " and (v.endedAt is null or v.endedAt > :at)")
    List<DocumentVersion> publishedAt(java.time.Instant at);
}
