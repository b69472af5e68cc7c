package dev.aegis.risk;

import dev.aegis.audit.AuditHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The risk register as it stood at a moment: today's rows of this module's own tables, rolled back through the audit
 * history. Read by the evidence packs (every risk in one query, read-only).
 */
@Component
public class RiskHistory {

    private final AuditHistory audit;

    RiskHistory(AuditHistory audit) {
        this.audit = audit;
    }

    /** A risk as it stood; enum values by their names, scores and dates as text, the ids of its AI systems. */
    public record RiskAt(
            long id,
            String title,
            String category,
            String status,
            String inherentScore,
            String residualScore,
            String owner,
            String treatment,
            String dueDate,
            Set<Long> systems) {}

    /** Risks of any of these systems (empty: every risk), as they stood at {@code at}, in id order. */
    public List<RiskAt> asOf(Set<Long> systemIds, Instant at) {
        List<RiskAt> out = new ArrayList<>();
        for (AuditHistory.Row r : audit.asOf("Risk", at, """
                select id, title, category, status, inherent_score as "inherentScore", residual_score as "residualScore",
                       owner, treatment, due_date as "dueDate", created_at as "createdAt",
                       array(select s.system_id from risk.risk_system s where s.risk_id = r.id order by 1)::text as systems
                from risk.risk r""")) {
            Set<Long> systems = r.ids("systems");
            if (systemIds.isEmpty() || systems.stream().anyMatch(systemIds::contains)) {
                out.add(new RiskAt(
                        r.id(),
                        r.text("title"),
                        r.text("category"),
                        r.text("status"),
                        r.text("inherentScore"),
                        r.text("residualScore"),
                        r.text("owner"),
                        r.text("treatment"),
                        r.text("dueDate"),
                        systems));
            }
        }
        out.sort(Comparator.comparing(RiskAt::id));
        return out;
    }
}
