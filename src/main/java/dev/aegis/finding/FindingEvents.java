package dev.aegis.finding;

import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.shared.Actors;
import dev.aegis.shared.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts the findings register announces; each lands in the audit log. Steps the telemetry loop takes (a finding opened,
 * a breach added, a recovery seen, a reopening by a new breach) name {@code telemetry} as the actor; steps people take
 * name them.
 */
public final class FindingEvents {

    private FindingEvents() {}

    private static final String TYPE = "Finding";

    /** A first breach of a cause opened a finding. */
    public record FindingOpened(
            long findingId,
            String cause,
            long systemId,
            Long controlId,
            String title,
            Severity severity,
            java.util.Set<Long> risks)
            implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "OPEN";
        }

        public String actor() {
            return Actors.SYSTEM;
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", cause);
            d.put("systemId", systemId);
            d.put("controlId", controlId);
            d.put("title", title);
            d.put("severity", severity);
            d.put("risks", risks);
            return d;
        }
    }

    /** Another breach of the cause was added to the finding's timeline. */
    public record FindingOccurred(
            long findingId, String delivery, Double figure, Instant at, Severity severity, int occurrences)
            implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "OCCUR";
        }

        public String actor() {
            return Actors.SYSTEM;
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("delivery", delivery);
            d.put("figure", figure);
            d.put("at", at);
            d.put("severity", severity);
            d.put("occurrences", occurrences);
            return d;
        }
    }

    /** A passing result (or the alert cleared) was seen while the finding was open; it does not resolve it. */
    public record FindingRecovered(long findingId, String delivery, Double figure, Instant at)
            implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "RECOVERY_SEEN";
        }

        public String actor() {
            return Actors.SYSTEM;
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("delivery", delivery);
            d.put("figure", figure);
            d.put("at", at);
            return d;
        }
    }

    public record FindingInvestigated(long findingId, String note) implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "INVESTIGATE";
        }

        public Map<String, Object> details() {
            return note == null ? Map.of() : Map.of("note", note);
        }
    }

    public record FindingResolved(long findingId, String rootCause, String actionTaken) implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "RESOLVE";
        }

        public Map<String, Object> details() {
            return Map.of("rootCause", rootCause, "actionTaken", actionTaken);
        }
    }

    public record FindingAccepted(long findingId, String approver, String rationale) implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "ACCEPT";
        }

        public Map<String, Object> details() {
            return Map.of("approver", approver, "rationale", rationale);
        }
    }

    /** Reopened by a person (with their reason) or by a new breach of a resolved finding's cause (actor telemetry). */
    public record FindingReopened(long findingId, String reason, boolean byBreach) implements AuditableEvent {
        public String objectType() {
            return TYPE;
        }

        public String objectId() {
            return String.valueOf(findingId);
        }

        public String action() {
            return "REOPEN";
        }

        public String actor() {
            return byBreach ? Actors.SYSTEM : null;
        }

        public Map<String, Object> details() {
            return Map.of("reason", reason, "byBreach", byBreach);
        }
    }
}
