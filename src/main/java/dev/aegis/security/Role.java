package dev.aegis.security;

/** What a person may do in Aegis. Granted authorities are {@code ROLE_<name>}. */
public enum Role {
    ADMIN("Administrator"),
    GOVERNANCE_OFFICER("Governance officer"),
    AUDITOR("Auditor"),
    VENDOR_MANAGER("Vendor manager"),
    SYSTEM_OWNER("System owner");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
