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
 * ISO/IEC 42001 7.2 (competence) and 7.3 (awareness) are met on a day when someone holds an AIMS role then and every
 * such person holds a training, attestation or certification current that day (recorded by that moment). One role
 * holder without one is a gap: the screen names them.
 */
@Component
class CompetenceCoverage implements RequirementRecords {

    private final RoleAssignments roles;
    private final CompetenceRecords records;

    CompetenceCoverage(RoleAssignments roles, CompetenceRecords records) {
        this.roles = roles;
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Met> metAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Set<String> holders = roles.findAll().stream()
                .filter(a -> a.heldOn(day))
                .map(a -> a.getUsername().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        if (holders.isEmpty()) {
            return List.of();
        }
        Set<String> current = records.findAll().stream()
                .filter(r -> !r.getCreatedAt().isAfter(at) && r.currentOn(day))
                .map(r -> r.getUsername().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        if (!current.containsAll(holders)) {
            return List.of();
        }
        String record = "Competence records: all " + holders.size() + " AIMS role holders hold a current training or "
                + "attestation on " + Dates.day(day);
        return List.of(new Met(AimsCoverage.ISO, "7.2", record), new Met(AimsCoverage.ISO, "7.3", record));
    }
}
