package dev.aegis.inventory;

/** Facts the inventory announces to other modules (field-level changes reach the audit log through @Audited). */
public final class InventoryEvents {

    private InventoryEvents() {
    }

    public record AiSystemRegistered(long systemId, String name) {
    }

    public record AiSystemChanged(long systemId, String name) {
    }

    public record AiSystemRetired(long systemId, String name) {
    }

    public record AiSystemRemoved(long systemId, String name) {
    }

    /** The inventory, or the part matching the filters, left Aegis as a file. */
    public record AiSystemsExported(String format, long rows, String filters) implements dev.aegis.shared.AuditableEvent {
        public String objectType() { return "AiSystem"; }
        public String objectId() { return null; }
        public String action() { return "EXPORT"; }

        public java.util.Map<String, Object> details() {
            return java.util.Map.of("format", format, "rows", rows, "filters", filters);
        }
    }

    /** A file was imported; each system it registered or changed has its own entry as well. */
    public record AiSystemsImported(String format, int created, int updated, int unchanged)
            implements dev.aegis.shared.AuditableEvent {
        public String objectType() { return "AiSystem"; }
        public String objectId() { return null; }
        public String action() { return "IMPORT"; }

        public java.util.Map<String, Object> details() {
            return java.util.Map.of("format", format, "created", created, "updated", updated, "unchanged", unchanged);
        }
    }
}
