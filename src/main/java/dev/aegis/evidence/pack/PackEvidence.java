package dev.aegis.evidence.pack;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a pack needs from the evidence register: the evidence items for a scope as they stood at a moment, and the
 * stored content of one version. Kept small so the pack does not depend on how the register stores things.
 */
public interface PackEvidence {

    /** One version of an evidence item. {@code fileName} is null for links and records (they have no file). */
    record Item(
            long id,
            int version,
            String title,
            String kind,
            String owner,
            LocalDate collectedOn,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            LocalDate expiresOn,
            String reviewedBy,
            String fileName,
            String mediaType,
            Long size,
            String sha256,
            String url,
            Set<Long> controlIds,
            Set<Long> requirementIds,
            Set<Long> systemIds) {

        /** Whether this version has stored bytes (a file, or a record Aegis filed itself); a link has none. */
        public boolean hasFile() {
            return sha256 != null;
        }

        /** Where the file lies inside the pack: {@code evidence/<id>-v<n>-<file name>}. */
        public String path() {
            String name = fileName == null || fileName.isBlank() ? "record" : fileName;
            return "evidence/" + id + "-v" + version + "-" + name.replaceAll("[/\\\\\\p{Cntrl}]", "_");
        }
    }

    /** The evidence linked to any of these controls or systems (empty systems: every system), as of that moment. */
    List<Item> forScope(Set<Long> controlIds, Set<Long> systemIds, Instant asOf);

    /** The stored bytes of one version, exactly as uploaded. */
    InputStream content(long id, int version);
}
