package dev.aegis.inventory;

import dev.aegis.inventory.Classification.EuAiActTier;

/** Facts the inventory announces to other modules (field-level changes reach the audit log through @Audited). */
public final class InventoryEvents {

    private InventoryEvents() {}

    /**
     * What other modules may keep a copy of, fed by these events instead of reading the inventory's tables: the
     * system's name, owners and EU AI Act tier (the findings module chooses a system owner's findings by the owners,
     * the risk register filters by tier, each in its own SQL).
     */
    public record SystemProfile(
            long systemId, String name, String businessOwner, String technicalOwner, EuAiActTier tier) {
        public static SystemProfile of(AiSystem s) {
            return new SystemProfile(
                    s.getId(), s.getName(), s.getBusinessOwner(), s.getTechnicalOwner(), s.getEuAiActTier());
        }
    }

    public record AiSystemRegistered(long systemId, String name, SystemProfile profile) {
        public AiSystemRegistered(long systemId, String name) {
            this(systemId, name, null);
        }
    }

    public record AiSystemChanged(long systemId, String name, SystemProfile profile) {
        public AiSystemChanged(long systemId, String name) {
            this(systemId, name, null);
        }
    }

    public record AiSystemRetired(long systemId, String name, SystemProfile profile) {
        public AiSystemRetired(long systemId, String name) {
            this(systemId, name, null);
        }
    }

    public record AiSystemRemoved(long systemId, String name) {}

    /** The inventory, or the part matching the filters, left Aegis as a file. */
    public record AiSystemsExported(String format, long rows, String filters)
            implements dev.aegis.shared.AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return null;
        }

        public String action() {
            return "EXPORT";
        }

        public java.util.Map<String, Object> details() {
            return java.util.Map.of("format", format, "rows", rows, "filters", filters);
        }
    }

    /** A file was imported; each system it registered or changed has its own entry as well. */
    public record AiSystemsImported(String format, int created, int updated, int unchanged)
            implements dev.aegis.shared.AuditableEvent {
        public String objectType() {
            return "AiSystem";
        }

        public String objectId() {
            return null;
        }

        public String action() {
            return "IMPORT";
        }

        public java.util.Map<String, Object> details() {
            return java.util.Map.of("format", format, "created", created, "updated", updated, "unchanged", unchanged);
        }
    }
}
