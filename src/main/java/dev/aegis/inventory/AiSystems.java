package dev.aegis.inventory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AiSystems extends JpaRepository<AiSystem, Long>, JpaSpecificationExecutor<AiSystem> {

    @Query("select s.id, s.name from AiSystem s where s.id in :ids")
    List<Object[]> namesOf(java.util.Collection<Long> ids);

    @Query("select s.id, lower(s.name) from AiSystem s where lower(s.name) in :names")
    List<Object[]> named(java.util.Collection<String> names);

    @Query("select s from AiSystem s where lower(s.name) = lower(:name)")
    java.util.Optional<AiSystem> findByNameIgnoringCase(String name);

    @Query(
            "select s.euAiActTier, count(s) from AiSystem s where s.status <> dev.aegis.inventory.Classification.Status.RETIRED group by s.euAiActTier")
    List<Object[]> countByTier();

    @Query(
            "select s.lifecycleStage, count(s) from AiSystem s where s.status <> dev.aegis.inventory.Classification.Status.RETIRED group by s.lifecycleStage")
    List<Object[]> countByStage();

    /** Every system's id, name, owners and tier in id order, without loading the systems. */
    @Query("select s.id, s.name, s.businessOwner, s.technicalOwner, s.euAiActTier from AiSystem s order by s.id")
    List<Object[]> profiles();
}
