package dev.aegis.aims;

/** Where a planned change stands (ISO/IEC 42001 6.3): planned → approved → done, or cancelled before it is done. */
public enum ChangeStatus {
    PLANNED("Planned"),
    APPROVED("Approved"),
    DONE("Done"),
    CANCELLED("Cancelled");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
