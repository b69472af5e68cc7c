package dev.aegis.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import java.util.List;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AiSystems extends JpaRepository<AiSystem, Long>, JpaSpecificationExecutor<AiSystem> {

    @Query("select s.euAiActTier, count(s) from AiSystem s where s.status <> dev.aegis.inventory.Classification.Status.RETIRED group by s.euAiActTier")
    List<Object[]> countByTier();

    @Query("select s.lifecycleStage, count(s) from AiSystem s where s.status <> dev.aegis.inventory.Classification.Status.RETIRED group by s.lifecycleStage")
    List<Object[]> countByStage();
}
