package dev.aegis.aims;

/** What a competence record is (ISO/IEC 42001 7.2, 7.3). */
public enum CompetenceKind {
    TRAINING("Training"),
    ATTESTATION("Attestation"),
    CERTIFICATION("Certification");

    private final String label;

    CompetenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
