package dev.aegis.aims;

import dev.aegis.shared.Dates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AI objectives (ISO/IEC 42001 6.2) as a management review input (9.3.2): each objective in force at the meeting
 * with its newest value recorded before it, against its target.
 */
@Component
class ObjectivesReviewInput implements ManagementReviewInput {

    private final Objectives objectives;
    private final IndicatorValues values;

    ObjectivesReviewInput(Objectives objectives, IndicatorValues values) {
        this.objectives = objectives;
        this.values = values;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewSection sectionAsOf(Instant asOf, Instant periodFrom) {
        List<Objective> inForce = objectives.findAllByOrderByReference().stream()
                .filter(o -> o.inForceAt(asOf))
                .toList();
        Map<Long, List<IndicatorValue>> recorded =
                values
                        .findByObjectiveIdInOrderByMeasuredOn(
                                inForce.stream().map(Objective::getId).toList())
                        .stream()
                        .filter(v -> v.getRecordedAt().isBefore(asOf))
                        .collect(Collectors.groupingBy(IndicatorValue::getObjectiveId));
        List<String> lines = new ArrayList<>();
        for (Objective o : inForce) {
            String target = o.getDirection().sign() + " " + ObjectiveService.figure(o.getTarget(), o.getUnit());
            IndicatorValue latest = recorded.getOrDefault(o.getId(), List.of()).stream()
                    .max(Comparator.comparing(IndicatorValue::getMeasuredOn))
                    .orElse(null);
            lines.add(o.getReference() + " " + o.getTitle() + " (target " + target + "): "
                    + (latest == null
                            ? "no value recorded yet"
                            : ObjectiveService.figure(latest.getValue(), o.getUnit()) + " on "
                                    + Dates.day(latest.getMeasuredOn()) + ", "
                                    + (o.getDirection().meets(latest.getValue(), o.getTarget())
                                            ? "on target"
                                            : "off target"))
                    + ".");
        }
        if (lines.isEmpty()) {
            lines.add("No AI objective was in force at the meeting (ISO/IEC 42001 6.2): set them under AI objectives.");
        }
        return new ReviewSection("AI objectives", lines);
    }
}
