package dev.aegis.aims;

import dev.aegis.shared.AuditableEvent;
import java.util.Map;

/** What happened in the AI management system that the entity changes alone do not tell. */
public final class AimsEvents {

    private AimsEvents() {}

    /** A register of the AIMS (documents or roles) exported as a file. */
    public record RegisterExported(String register, String format) implements AuditableEvent {
        public String objectType() {
            return "AimsRegister";
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
}
