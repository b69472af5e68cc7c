package dev.aegis.monitor;

import dev.aegis.shared.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts the monitor announces; other modules (and the audit log) may listen. */
public final class MonitorEvents {

    private MonitorEvents() {}

    /** A rule was breached and an alert opened. */
    public record AlertRaised(
            long alertId,
            String deployment,
            Metric metric,
            String subject,
            double value,
            double threshold,
            Instant windowStart)
            implements AuditableEvent {
        public String objectType() {
            return "MonitorAlert";
        }

        public String objectId() {
            return String.valueOf(alertId);
        }

        public String action() {
            return "RAISE";
        }

        public Map<String, Object> details() {
            return alertDetails(deployment, metric, subject, value, threshold, windowStart);
        }

        public String actor() {
            return "monitor";
        }
    }

    /** A rule's breach cleared and its alert was resolved. */
    public record AlertResolved(
            long alertId,
            String deployment,
            Metric metric,
            String subject,
            double value,
            double threshold,
            Instant windowStart)
            implements AuditableEvent {
        public String objectType() {
            return "MonitorAlert";
        }

        public String objectId() {
            return String.valueOf(alertId);
        }

        public String action() {
            return "RESOLVE";
        }

        public Map<String, Object> details() {
            return alertDetails(deployment, metric, subject, value, threshold, windowStart);
        }

        public String actor() {
            return "monitor";
        }
    }

    public record MonitorTokenCreated(long tokenId, String name) implements AuditableEvent {
        public String objectType() {
            return "MonitorToken";
        }

        public String objectId() {
            return String.valueOf(tokenId);
        }

        public String action() {
            return "CREATE";
        }

        public Map<String, Object> details() {
            return Map.of("name", name);
        }
    }

    public record MonitorTokenRevoked(long tokenId, String name) implements AuditableEvent {
        public String objectType() {
            return "MonitorToken";
        }

        public String objectId() {
            return String.valueOf(tokenId);
        }

        public String action() {
            return "REVOKE";
        }

        public Map<String, Object> details() {
            return Map.of("name", name);
        }
    }

    private static Map<String, Object> alertDetails(
            String deployment, Metric metric, String subject, double value, double threshold, Instant windowStart) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("deployment", deployment);
        d.put("metric", metric);
        if (subject != null) {
            d.put("subject", subject);
        }
        d.put("value", value);
        d.put("threshold", threshold);
        d.put("windowStart", windowStart);
        return d;
    }
}
