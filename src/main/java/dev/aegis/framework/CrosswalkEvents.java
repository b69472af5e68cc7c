package dev.aegis.framework;

import dev.aegis.shared.AuditableEvent;
import java.util.Map;

/** What people do to crosswalks; the audit log records each. */
public final class CrosswalkEvents {

    private CrosswalkEvents() {}

    public record EdgeAdded(long edgeId, String crosswalk, String source, String target, Relationship relationship)
            implements AuditableEvent {
        public String objectType() {
            return "CrosswalkEdge";
        }

        public String objectId() {
            return String.valueOf(edgeId);
        }

        public String action() {
            return "CREATE";
        }

        public Map<String, Object> details() {
            return Map.of("crosswalk", crosswalk, "source", source, "target", target, "relationship", relationship);
        }
    }

    public record EdgeReviewed(
            long edgeId,
            String crosswalk,
            String source,
            String target,
            Relationship before,
            Relationship after,
            String confidence,
            String note)
            implements AuditableEvent {
        public String objectType() {
            return "CrosswalkEdge";
        }

        public String objectId() {
            return String.valueOf(edgeId);
        }

        public String action() {
            return "REVIEW";
        }

        public Map<String, Object> details() {
            return Map.of(
                    "crosswalk",
                    crosswalk,
                    "source",
                    source,
                    "target",
                    target,
                    "relationship",
                    Map.of("before", before, "after", after),
                    "confidence",
                    confidence,
                    "note",
                    note == null ? "" : note);
        }
    }

    public record EdgeRemoved(long edgeId, String crosswalk, String source, String target) implements AuditableEvent {
        public String objectType() {
            return "CrosswalkEdge";
        }

        public String objectId() {
            return String.valueOf(edgeId);
        }

        public String action() {
            return "DELETE";
        }

        public Map<String, Object> details() {
            return Map.of("crosswalk", crosswalk, "source", source, "target", target);
        }
    }
}
