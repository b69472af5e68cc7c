package dev.aegis.aims;

import dev.aegis.control.RequirementRecords;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * ISO/IEC 42001 6.3 (planning of changes) is met once changes are made in a planned manner: at least one change record
 * approved by that moment (and not cancelled by then).
 */
@Component
class ChangesCoverage implements RequirementRecords {

    private final ChangeRecords changes;

    ChangesCoverage(ChangeRecords changes) {
        this.changes = changes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Met> metAt(Instant at) {
        List<ChangeRecord> planned = changes.findAllByOrderByPlannedOnDescIdDesc().stream()
                .filter(c -> c.getApprovedAt() != null && !c.getApprovedAt().isAfter(at))
                .filter(c -> c.getStatus() != ChangeStatus.CANCELLED
                        || c.getClosedAt().isAfter(at))
                .toList();
        if (planned.isEmpty()) {
            return List.of();
        }
        String record = "Planned changes "
                + planned.stream().limit(5).map(ChangeRecord::getReference).collect(Collectors.joining(", "))
                + (planned.size() > 5 ? " and " + (planned.size() - 5) + " more" : "") + " approved before being made";
        return List.of(new Met(AimsCoverage.ISO, "6.3", record));
    }
}
