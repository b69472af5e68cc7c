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

    /** An incident was raised, changed, reported, followed up or closed ({@code action} says which). */
    public record IncidentRecorded(long incidentId, String action, Map<String, Object> details)
            implements AuditableEvent {
        public String objectType() {
            return "Incident";
        }

        public String objectId() {
            return String.valueOf(incidentId);
        }
    }

    /** A register of the module (incidents, ...) was exported. */
    public record RegisterExported(String register, String format) implements AuditableEvent {
        public String objectType() {
            return "EuAiActRegister";
        }

        public String objectId() {
            return register;
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of("format", format);
        }
    }

    /** A document about a system (technical documentation, FRIA, ...) was exported as PDF. */
    public record DocumentExported(long systemId, String document, String format) implements AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of("document", document, "format", format);
        }
    }

    /** A post-market monitoring plan was written or changed. */
    public record MonitoringPlanWritten(long systemId, Map<String, Object> details) implements AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "EU_AI_ACT_MONITORING_PLAN_WRITTEN";
        }
    }

    /** A fundamental rights impact assessment version was drafted, changed, approved or notified. */
    public record FriaRecorded(long systemId, String action, Map<String, Object> details) implements AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }
    }
}
