package dev.aegis.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One evidence item in one version, as reports and packs read it: the item's title, kind and owner, the version's
 * dates, review sign-off and stored file (name, media type, size, SHA-256) or link, and the controls, requirements and
 * AI systems it is linked to. For a FILE or RECORD version {@link EvidenceService#content} gives the stored bytes,
 * whose SHA-256 is {@code sha256}.
 */
public record EvidenceRecord(
        long id,
        int version,
        String title,
        EvidenceKind kind,
        String owner,
        LocalDate collectedOn,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        LocalDate expiresOn,
        String reviewedBy,
        Instant reviewedAt,
        String fileName,
        String mediaType,
        Long size,
        String sha256,
        String url,
        Set<Long> controlIds,
        Set<Long> requirementIds,
        Set<Long> systemIds) {

    public EvidenceRecord {
        controlIds = Set.copyOf(controlIds);
        requirementIds = Set.copyOf(requirementIds);
        systemIds = Set.copyOf(systemIds);
    }

    /** Whether this version has bytes to download (a file or a record), as opposed to a link. */
    public boolean hasContent() {
        return sha256 != null;
    }
}
