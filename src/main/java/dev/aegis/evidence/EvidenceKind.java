package dev.aegis.evidence;

/** What an evidence item is: a file someone uploaded, a link to where the evidence lives, or a record Aegis made. */
public enum EvidenceKind {
    /** A file uploaded to Aegis, inspected on arrival (size, type by content, SHA-256). */
    FILE,
    /** An address of evidence kept elsewhere (a ticket, a wiki page, a repository). */
    LINK,
    /** A record Aegis files itself: telemetry test results, vendor assessment decisions. */
    RECORD;

    public String label() {
        return switch (this) {
            case FILE -> "File";
            case LINK -> "Link";
            case RECORD -> "Record";
        };
    }
}
