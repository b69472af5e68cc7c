package dev.aegis.framework;

import dev.aegis.shared.AuditableEvent;
import java.util.Map;

/** Catalog data leaving Aegis as OSCAL; the audit log records who took what. */
public final class OscalEvents {

    private OscalEvents() {}

    public record FrameworkExported(String frameworkCode, String version, String uuid, int requirements)
            implements AuditableEvent {
        public String objectType() {
            return "Framework";
        }

        public String objectId() {
            return frameworkCode;
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of(
                    "format",
                    "OSCAL " + OscalIds.OSCAL_VERSION + " catalog",
                    "version",
                    version,
                    "uuid",
                    uuid,
                    "requirements",
                    requirements);
        }
    }

    public record CrosswalkExported(String crosswalkCode, String uuid, int mappings) implements AuditableEvent {
        public String objectType() {
            return "Crosswalk";
        }

        public String objectId() {
            return crosswalkCode;
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of(
                    "format",
                    "OSCAL " + OscalIds.OSCAL_VERSION + " mapping collection",
                    "uuid",
                    uuid,
                    "mappings",
                    mappings);
        }
    }
}
