package dev.aegis.control;

import dev.aegis.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

/** What happened in the control library, as past-tense facts. */
public final class ControlEvents {

    private ControlEvents() {}

    /** Starter controls adopted into the library (each new control is audited on its own as well). */
    public record StarterControlsAdopted(List<String> starterIds) implements AuditableEvent {
        public String objectType() {
            return "Control";
        }

        public String objectId() {
            return null;
        }

        public String action() {
            return "ADOPT_STARTER";
        }

        public Map<String, Object> details() {
            return Map.of("starterIds", String.join(", ", starterIds));
        }
    }

    /** A version of the Statement of Applicability issued. */
    public record SoaIssued(int number, String approvedBy, int controls) implements AuditableEvent {
        public String objectType() {
            return "StatementOfApplicability";
        }

        public String objectId() {
            return String.valueOf(number);
        }

        public String action() {
            return "ISSUE";
        }

        public Map<String, Object> details() {
            return Map.of("approvedBy", approvedBy, "annexAControls", controls);
        }
    }

    /** The Statement of Applicability exported. */
    public record SoaExported(Integer number, String format) implements AuditableEvent {
        public String objectType() {
            return "StatementOfApplicability";
        }

        public String objectId() {
            return number == null ? "draft" : String.valueOf(number);
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of("format", format);
        }
    }
}
