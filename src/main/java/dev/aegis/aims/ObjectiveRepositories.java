package dev.aegis.aims;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Objectives extends JpaRepository<Objective, Long> {

    List<Objective> findAllByOrderByReference();

    @Query("select o.reference from Objective o")
    List<String> references();
}

interface IndicatorValues extends JpaRepository<IndicatorValue, Long> {

    List<IndicatorValue> findByObjectiveIdOrderByMeasuredOn(long objectiveId);

    List<IndicatorValue> findByObjectiveIdInOrderByMeasuredOn(Collection<Long> objectiveIds);

    Optional<IndicatorValue> findByObjectiveIdAndMeasuredOn(long objectiveId, LocalDate measuredOn);
}
