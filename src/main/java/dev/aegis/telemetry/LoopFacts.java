package dev.aegis.telemetry;

import dev.aegis.control.Control;
import dev.aegis.control.ControlService;
import dev.aegis.control.RequirementMapping;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import dev.aegis.telemetry.TelemetryEvents.ControlFacts;
import dev.aegis.telemetry.TelemetryEvents.MitigatedRisk;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the telemetry loop's events carry about the AI system and the control, read once when a fact is recorded (as
 * the system actor, allowed to read the inventory, the control library and the risk register), so the listeners of
 * {@link TelemetryEvents} never call back into those modules.
 */
@Component
class LoopFacts {

    static final Set<String> READS =
            Set.of(AiSystemService.SYSTEM_READ, ControlService.SYSTEM_READ, RiskService.SYSTEM_READ);

    private final AiSystemService systems;
    private final ControlService controls;
    private final RiskService risks;

    // each read is a transaction of its own: a risk removed meanwhile must not spoil the others
    LoopFacts(AiSystemService systems, ControlService controls, RiskService risks) {
        this.systems = systems;
        this.controls = controls;
        this.risks = risks;
    }

    /** The system as the loop's listeners need it, or null when it is gone. */
    SystemFacts system(long systemId) {
        SystemFacts[] out = new SystemFacts[1];
        Actors.runAsSystem(READS, () -> {
            try {
                AiSystem s = systems.get(systemId);
                out[0] = new SystemFacts(systemId, s.getName(), s.getBusinessOwner(), s.getTechnicalOwner());
            } catch (NotFoundException e) {
                out[0] = null;
            }
        });
        return out[0];
    }

    /** The control with the risks it mitigates that bear on this system (a breach on one says nothing of another's). */
    ControlFacts control(long controlId, long systemId) {
        ControlFacts[] out = new ControlFacts[1];
        Actors.runAsSystem(READS, () -> {
            Control c;
            try {
                c = controls.get(controlId);
            } catch (NotFoundException e) {
                out[0] = null;
                return;
            }
            List<MitigatedRisk> mitigated = new ArrayList<>();
            for (Long riskId : c.getRisks()) {
                try {
                    Risk r = risks.get(riskId);
                    if (r.getSystems().contains(systemId)) {
                        mitigated.add(new MitigatedRisk(
                                riskId,
                                r.getTitle(),
                                r.getInherentScore(),
                                r.getResidualScore(),
                                r.getInherentScore() >= RiskService.HIGH_SCORE
                                        || (r.getResidualScore() != null
                                                && r.getResidualScore() >= RiskService.HIGH_SCORE)));
                    }
                } catch (NotFoundException e) {
                    // removed since it was mapped: nothing to link
                }
            }
            mitigated.sort(Comparator.comparingLong(MitigatedRisk::id));
            Set<Long> requirements = c.getRequirements().stream()
                    .map(RequirementMapping::requirementId)
                    .collect(Collectors.toCollection(TreeSet::new));
            out[0] = new ControlFacts(
                    controlId,
                    c.getStarterId() == null ? "C-" + controlId : c.getStarterId(),
                    c.getTitle(),
                    c.getOwner(),
                    requirements,
                    List.copyOf(mitigated));
        });
        return out[0];
    }
}
