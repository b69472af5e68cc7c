package dev.aegis.inventory;

import dev.aegis.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

/** What happens to a system's scope, one audit entry each: a whole proposal run is one fact, not hundreds. */
public final class ScopeEvents {

    private ScopeEvents() {}

    /** Aegis proposed the scope again from the record: how many requirements were added, dropped and flagged. */
    public record ScopeProposed(long systemId, int proposed, int dropped, int flagged, int applicable)
            implements AuditableEvent {
        public String objectType() {
            return "AiSystemScope";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "PROPOSE";
        }

        public Map<String, Object> details() {
            return Map.of(
                    "proposed", proposed, "dropped", dropped, "flaggedForReview", flagged, "applicable", applicable);
        }
    }

    /** An officer confirmed these requirements as in scope. */
    public record ScopeConfirmed(long systemId, List<String> requirements) implements AuditableEvent {
        public String objectType() {
            return "AiSystemScope";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "CONFIRM";
        }

        public Map<String, Object> details() {
            return Map.of("count", requirements.size(), "requirements", String.join(", ", requirements));
        }
    }

    /** An officer took a requirement out of scope, saying why. */
    public record ScopeExcluded(long systemId, String requirement, String justification) implements AuditableEvent {
        public String objectType() {
            return "AiSystemScope";
        }

        public String objectId() {
            return String.valueOf(systemId);
        }

        public String action() {
            return "EXCLUDE";
        }

        public Map<String, Object> details() {
            return Map.of("requirement", requirement, "justification", justification);
        }
    }
}
