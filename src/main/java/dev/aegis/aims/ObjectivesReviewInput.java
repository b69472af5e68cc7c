package dev.aegis.aims;

import dev.aegis.aims.ManagementReviewInput.ReviewSection;
import dev.aegis.shared.Dates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The AI objectives (ISO/IEC 42001 6.2) as a management review input (9.3.2 c: fulfilment of objectives): each
 * objective in force at the meeting, its newest value recorded before the meeting and whether that met the target.
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
    public ReviewSection sectionAsOf(Instant asOf, Instant periodFrom) {
        List<Objective> inForce = objectives.findAllByOrderByReference().stream()
                .filter(o -> o.getCreatedAt().isBefore(asOf)
                        && (o.getRetiredAt() == null || !o.getRetiredAt().isBefore(asOf)))
                .toList();
        Map<Long, IndicatorValue> newest = new HashMap<>();
        values
                .findByObjectiveIdInOrderByMeasuredOn(
                        inForce.stream().map(Objective::getId).toList())
                .stream()
                .filter(v -> v.getRecordedAt().isBefore(asOf))
                .forEach(v -> newest.put(v.getObjectiveId(), v));
        List<String> lines = new ArrayList<>();
        if (inForce.isEmpty()) {
            lines.add("No AI objective was in force: set them under AI objectives (ISO/IEC 42001 6.2).");
        }
        long met = inForce.stream()
                .filter(o -> newest.containsKey(o.getId())
                        && o.getDirection().meets(newest.get(o.getId()).getValue(), o.getTarget()))
                .count();
        if (!inForce.isEmpty()) {
            lines.add(met + " of " + inForce.size() + (inForce.size() == 1 ? " objective" : " objectives")
                    + " on target at the meeting.");
        }
        for (Objective o : inForce) {
            IndicatorValue v = newest.get(o.getId());
            String target = o.getDirection().sign() + " " + ObjectiveService.figure(o.getTarget(), o.getUnit());
            lines.add(o.getReference() + " " + o.getTitle() + ": "
                    + (v == null
                            ? "no value recorded yet (target " + target + ")"
                            : ObjectiveService.figure(v.getValue(), o.getUnit()) + " on "
                                    + Dates.day(v.getMeasuredOn()) + " against " + target + " — "
                                    + ObjectiveService.standing(o.getDirection(), o.getTarget(), toValue(v))
                                            .toLowerCase(java.util.Locale.ROOT))
                    + (o.getDueOn() == null ? "" : "; due " + Dates.day(o.getDueOn())));
        }
        return new ReviewSection("AI objectives", lines);
    }

    private static ObjectiveService.Value toValue(IndicatorValue v) {
        return new ObjectiveService.Value(v.getId(), v.getMeasuredOn(), v.getValue(), false, null, null);
    }
}
