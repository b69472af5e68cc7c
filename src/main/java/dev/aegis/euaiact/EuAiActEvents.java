package dev.aegis.euaiact;

import dev.aegis.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts the EU AI Act module announces; the audit log records them. */
public final class EuAiActEvents {

    private EuAiActEvents() {}

    /** A system was classified through the questionnaire, or its tier and role set by an officer with a reason. */
    public record SystemClassified(
            long systemId, int number, String source, String tier, String role, String basis, String reason)
            implements AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "EU_AI_ACT_CLASSIFIED";
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("classification", number);
            d.put("source", source);
            d.put("tier", tier);
            d.put("role", role);
            d.put("basis", basis);
            if (reason != null) {
                d.put("reason", reason);
            }
            return d;
        }
    }
}
