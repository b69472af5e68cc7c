package dev.aegis.risk;

import dev.aegis.risk.RiskVocabulary.Category;
import java.time.LocalDate;
import java.util.Set;

/** Risks for tests. */
final class RiskFixtures {

    private RiskFixtures() {}

    /** Prompt injection against a system's assistant: likely (4) and harmful (5). */
    static RiskDetails promptInjection(String title, long systemId, String owner, Set<Long> threats) {
        return new RiskDetails(
                title,
                "Instructions hidden in patient documents steer the assistant",
                Category.SECURITY,
                Set.of(systemId),
                threats,
                Set.of(),
                4,
                5,
                owner,
                LocalDate.now().plusMonths(1));
    }

    static RiskDetails retitled(RiskDetails d, String title) {
        return new RiskDetails(
                title,
                d.description(),
                d.category(),
                d.systems(),
                d.threats(),
                d.requirements(),
                d.inherentLikelihood(),
                d.inherentImpact(),
                d.owner(),
                d.dueDate());
    }
}
