package dev.aegis.evidence;

import dev.aegis.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** What happened in the evidence register, as past-tense facts; every one lands in the audit log. */
public final class EvidenceEvents {

    private EvidenceEvents() {}

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    /** A new evidence item with its first version. */
    public record EvidenceAdded(long evidenceId, String title, EvidenceKind kind, String owner)
            implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "ADD";
        }

        public Map<String, Object> details() {
            return map("title", title, "kind", kind, "owner", owner);
        }
    }

    /** Title, description, owner or the current version's dates changed. */
    public record EvidenceChanged(long evidenceId, String title, String owner, String dates) implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "CHANGE";
        }

        public Map<String, Object> details() {
            return map("title", title, "owner", owner, "dates", dates);
        }
    }

    /** A version was added: a file (with its SHA-256), a link, or a record. */
    public record EvidenceVersionAdded(
            long evidenceId, int number, String fileName, String mediaType, Long size, String sha256, String url)
            implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "ADD_VERSION";
        }

        public Map<String, Object> details() {
            return map(
                    "version",
                    number,
                    "fileName",
                    fileName,
                    "mediaType",
                    mediaType,
                    "size",
                    size,
                    "sha256",
                    sha256,
                    "url",
                    url);
        }
    }

    /** A record version of the current day took further results; its SHA-256 changed with them. */
    public record EvidenceRecordExtended(long evidenceId, int number, String sha256, int entries)
            implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "EXTEND_RECORD";
        }

        public Map<String, Object> details() {
            return map("version", number, "sha256", sha256, "entries", entries);
        }
    }

    /** Someone other than the owner reviewed the current version and signed it off. */
    public record EvidenceReviewed(long evidenceId, int number, String reviewer) implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "REVIEW";
        }

        public Map<String, Object> details() {
            return map("version", number, "reviewer", reviewer);
        }
    }

    /** Links to controls, requirements or AI systems were made or undone (ids, comma-separated). */
    public record EvidenceLinked(long evidenceId, LinkTarget target, String added, String removed)
            implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "LINK";
        }

        public Map<String, Object> details() {
            return map(
                    "target",
                    target,
                    "added",
                    added.isEmpty() ? null : added,
                    "removed",
                    removed.isEmpty() ? null : removed);
        }
    }

    /** An evidence item was removed with all its versions. */
    public record EvidenceRemoved(long evidenceId, String title) implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "REMOVE";
        }

        public Map<String, Object> details() {
            return map("title", title);
        }
    }

    /** Someone downloaded the content of a version (every export is in the audit log). */
    public record EvidenceDownloaded(long evidenceId, int number, String fileName, String sha256)
            implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "DOWNLOAD";
        }

        public Map<String, Object> details() {
            return map("version", number, "fileName", fileName, "sha256", sha256);
        }
    }

    /** The register was exported to a file. */
    public record EvidenceExported(String format, long rows, String filter) implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return null;
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return map("format", format, "rows", rows, "filter", filter);
        }
    }

    /** The owner was warned that a version expires soon ({@code EXPIRING}) or has expired ({@code EXPIRED}). */
    public record EvidenceExpiryWarned(long evidenceId, int number, String threshold, String owner)
            implements AuditableEvent {
        public String objectType() {
            return "Evidence";
        }

        public String objectId() {
            return String.valueOf(evidenceId);
        }

        public String action() {
            return "WARN_" + threshold;
        }

        public String actor() {
            return "system";
        }

        public Map<String, Object> details() {
            return map("version", number, "owner", owner);
        }
    }
}
