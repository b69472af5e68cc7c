package dev.aegis.aims;

import dev.aegis.control.RequirementRecords;
import dev.aegis.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * ISO/IEC 42001 6.2 (AI objectives and planning to achieve them) is met while objectives are in force and measured:
 * set before the moment, not retired by then, each with an owner, a target and at least one value recorded on or
 * before that day. One objective in force without a value yet is not enough (an objective nobody measures plans
 * nothing).
 */
@Component
class ObjectivesCoverage implements RequirementRecords {

    private final Objectives objectives;
    private final IndicatorValues values;

    ObjectivesCoverage(Objectives objectives, IndicatorValues values) {
        this.objectives = objectives;
        this.values = values;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Met> metAt(Instant at) {
        List<Objective> inForce = objectives.findAllByOrderByReference().stream()
                .filter(o -> o.inForceAt(at))
                .toList();
        if (inForce.isEmpty()) {
            return List.of();
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Set<Long> measured =
                values
                        .findByObjectiveIdInOrderByMeasuredOn(
                                inForce.stream().map(Objective::getId).toList())
                        .stream()
                        .filter(v -> !v.getMeasuredOn().isAfter(day))
                        .map(IndicatorValue::getObjectiveId)
                        .collect(Collectors.toSet());
        List<Objective> met =
                inForce.stream().filter(o -> measured.contains(o.getId())).toList();
        if (met.isEmpty()) {
            return List.of();
        }
        String record =
                "AI objectives " + met.stream().map(Objective::getReference).collect(Collectors.joining(", "))
                        + " in force and measured as of " + Dates.day(day);
        return List.of(new Met(AimsCoverage.ISO, "6.2", record));
    }
}
