package dev.aegis.framework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Frameworks extends JpaRepository<Framework, Long> {
    Optional<Framework> findByCode(String code);

    List<Framework> findAllByOrderByCustomAscNameAsc();
}

interface Requirements extends JpaRepository<Requirement, Long> {
    List<Requirement> findByFrameworkIdOrderBySortOrder(Long frameworkId);

    Optional<Requirement> findByFrameworkIdAndRefId(Long frameworkId, String refId);

    List<Requirement> findByIdIn(Collection<Long> ids);

    List<Requirement> findByParentIdIn(Collection<Long> parentIds);

    long countByFrameworkIdAndKindAndWithdrawnFalse(Long frameworkId, RequirementKind kind);
}

interface RequirementLinks extends JpaRepository<RequirementLink, Long> {
    @Query("select l from RequirementLink l where l.sourceId in ?1 or l.targetId in ?1")
    List<RequirementLink> touching(Collection<Long> requirementIds);

    List<RequirementLink> findByLinkType(String type);
}

interface Crosswalks extends JpaRepository<Crosswalk, Long> {
    Optional<Crosswalk> findByCode(String code);
}

interface CrosswalkEdges extends JpaRepository<CrosswalkEdge, Long> {
    List<CrosswalkEdge> findByCrosswalkId(Long crosswalkId);

    @Query("select e from CrosswalkEdge e where e.sourceRequirementId in ?1 or e.targetRequirementId in ?1")
    List<CrosswalkEdge> touching(Collection<Long> requirementIds);

    long countByCrosswalkId(Long crosswalkId);

    long countByCrosswalkIdAndNeedsReviewTrue(Long crosswalkId);
}

interface LicensedTexts extends JpaRepository<LicensedText, Long> {}

interface CatalogImports extends JpaRepository<CatalogImport, Long> {
    List<CatalogImport> findByFrameworkCodeOrderByImportedAtDesc(String code);
}
