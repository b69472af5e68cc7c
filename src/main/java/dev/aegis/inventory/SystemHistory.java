package dev.aegis.inventory;

import dev.aegis.audit.AuditHistory;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The AI system inventory as it stood at a moment: today's rows of this module's own table, rolled back through the
 * audit history. Read by the evidence packs; SQL rather than the entities because a pack reads every system at once,
 * read-only, and the audit history speaks in the entity's field names, which the query aliases to.
 */
@Component
public class SystemHistory {

    private final AuditHistory audit;

    SystemHistory(AuditHistory audit) {
        this.audit = audit;
    }

    /** An AI system as it stood; enum values by their names, as the audit log keeps them. */
    public record SystemAt(long id, String name, String purpose, String lifecycleStage, String tier, String status) {}

    /** Every AI system that existed at {@code at}, in id order. */
    public List<SystemAt> asOf(Instant at) {
        return audit.asOf("AiSystem", at, """
                        select id, name, purpose, lifecycle_stage as "lifecycleStage", eu_ai_act_tier as "euAiActTier",
                               status, created_at as "createdAt" from inventory.ai_system""").stream()
                .map(r -> new SystemAt(
                        r.id(),
                        r.text("name"),
                        r.text("purpose"),
                        r.text("lifecycleStage"),
                        r.text("euAiActTier"),
                        r.text("status")))
                .toList();
    }
}
