package dev.aegis.vendor;

/** Facts the vendor register announces to other modules (field-level changes reach the audit log through @Audited). */
public final class VendorEvents {

    private VendorEvents() {
    }

    public record VendorRegistered(long vendorId, String name) {
    }

    public record VendorChanged(long vendorId, String name) {
    }

    public record VendorRemoved(long vendorId, String name) {
    }
}
