package dev.aegis.telemetry;

import dev.aegis.shared.Actors;
import dev.aegis.shared.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts the telemetry loop announces. The findings module opens findings from failed tests and observed alerts;
 * the evidence module keeps test results as dated evidence. This is the contract between them: change it only
 * by adding.
 */
public final class TelemetryEvents {

    private TelemetryEvents() {}

    /** How one run of a telemetry test ended. NO_DATA: the source was unreachable or the sample too small. */
    public enum Outcome {
        PASSED,
        FAILED,
        NO_DATA
    }

    /** The AI system a fact is about, as its listeners need it. */
    public record SystemFacts(long id, String name, String businessOwner, String technicalOwner) {
        public Set<String> owners() {
            Set<String> out = new java.util.LinkedHashSet<>();
            for (String o : new String[] {businessOwner, technicalOwner}) {
                if (o != null && !o.isBlank()) {
                    out.add(o.trim());
                }
            }
            return out;
        }
    }

    /** A risk the control mitigates on the system, with its scores when the fact was recorded. */
    public record MitigatedRisk(long id, String title, int inherentScore, Integer residualScore, boolean high) {}

    /**
     * The control a test belongs to: its reference (the starter library's id, or C-id), title, owner, the framework
     * requirements it is mapped to, and the risks it mitigates that bear on the tested system.
     */
    public record ControlFacts(
            long id,
            String reference,
            String title,
            String owner,
            Set<Long> requirementIds,
            List<MitigatedRisk> risks) {
        public boolean mitigatesHighRisk() {
            return risks.stream().anyMatch(MitigatedRisk::high);
        }
    }

    /**
     * One run of a telemetry test on a control applied to an AI system, e.g. "PSI below 0.2 on every feature over
     * 24 h". {@code figure} is null when there was no data; {@code subject} is the feature or group ("" for the
     * deployment as a whole); {@code reference} and {@code binEdges} say what the figure was compared with.
     */
    public record ControlTestRecorded(
            long resultId,
            long testId,
            long controlId,
            long systemId,
            String source,
            String deployment,
            String metric,
            String subject,
            String comparison,
            double threshold,
            Double figure,
            Outcome outcome,
            long sampleSize,
            Instant windowStart,
            Instant windowEnd,
            String reference,
            String binEdges,
            Instant recordedAt,
            SystemFacts system,
            ControlFacts control)
            implements AuditableEvent {
        public String objectType() {
            return "TelemetryTest";
        }

        public String objectId() {
            return String.valueOf(testId);
        }

        public String action() {
            return "RECORD_" + outcome.name();
        }

        public String actor() {
            return Actors.SYSTEM;
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("resultId", resultId);
            d.put("controlId", controlId);
            d.put("systemId", systemId);
            d.put("deployment", deployment);
            d.put("metric", metric);
            d.put("subject", subject);
            d.put("comparison", comparison);
            d.put("threshold", threshold);
            d.put("figure", figure);
            d.put("sampleSize", sampleSize);
            d.put("windowStart", windowStart);
            d.put("windowEnd", windowEnd);
            return d;
        }
    }

    /**
     * An alert of a deployment linked to an AI system was seen open ({@code open}) or cleared at its monitor.
     * Announced once per state change the register observes, not on every poll.
     */
    public record MonitorAlertObserved(
            long linkId,
            long systemId,
            String source,
            String deployment,
            long alertId,
            String metric,
            String subject,
            double value,
            double threshold,
            boolean open,
            Instant at,
            SystemFacts system)
            implements AuditableEvent {
        public String objectType() {
            return "MonitorAlert";
        }

        public String objectId() {
            return source + "/" + alertId;
        }

        public String action() {
            return open ? "OBSERVE_OPEN" : "OBSERVE_CLEARED";
        }

        public String actor() {
            return Actors.SYSTEM;
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("systemId", systemId);
            d.put("deployment", deployment);
            d.put("metric", metric);
            d.put("subject", subject);
            d.put("value", value);
            d.put("threshold", threshold);
            return d;
        }
    }

    /** An AI system was linked to a monitored deployment of a telemetry source. */
    public record DeploymentLinked(long linkId, long systemId, String source, String deployment)
            implements AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "LINK_DEPLOYMENT";
        }

        public Map<String, Object> details() {
            return Map.of("linkId", linkId, "source", source, "deployment", deployment);
        }
    }

    /** An AI system's link to a monitored deployment was removed (its test results go with it). */
    public record DeploymentUnlinked(long linkId, long systemId, String source, String deployment)
            implements AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "UNLINK_DEPLOYMENT";
        }

        public Map<String, Object> details() {
            return Map.of("linkId", linkId, "source", source, "deployment", deployment);
        }
    }

    /** A telemetry source was registered, changed or removed ({@code action} ADD, CHANGE, REMOVE). The token never appears. */
    public record TelemetrySourceChanged(
            long sourceId, String name, String kind, String baseUrl, String change, boolean tokenReplaced)
            implements AuditableEvent {
        public String objectType() {
            return "TelemetrySource";
        }

        public String objectId() {
            return String.valueOf(sourceId);
        }

        public String action() {
            return change;
        }

        public Map<String, Object> details() {
            return Map.of("name", name, "kind", kind, "baseUrl", baseUrl, "tokenReplaced", tokenReplaced);
        }
    }

    /** A telemetry test was defined, changed or removed on a control applied to an AI system ({@code change}: DEFINE, CHANGE, REMOVE). */
    public record TelemetryTestChanged(long testId, long controlId, long systemId, String definition, String change)
            implements AuditableEvent {
        public String objectType() {
            return "TelemetryTest";
        }

        public String objectId() {
            return String.valueOf(testId);
        }

        public String action() {
            return change;
        }

        public Map<String, Object> details() {
            return Map.of("controlId", controlId, "systemId", systemId, "definition", definition);
        }
    }
}
