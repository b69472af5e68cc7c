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
}
