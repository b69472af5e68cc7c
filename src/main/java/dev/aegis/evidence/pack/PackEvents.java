package dev.aegis.evidence.pack;

import dev.aegis.shared.AuditableEvent;
import java.util.Map;

/** What happened to evidence packs and reports, as past-tense facts for the audit log. */
public final class PackEvents {

    private PackEvents() {}

    public record PackRequested(long packId, String framework, String scope, String asOf) implements AuditableEvent {
        public String objectType() {
            return "EvidencePack";
        }

        public String objectId() {
            return String.valueOf(packId);
        }

        public String action() {
            return "REQUEST";
        }

        public Map<String, Object> details() {
            return Map.of("framework", framework, "scope", scope, "asOf", asOf);
        }
    }

    public record PackSealed(long packId, String manifestSha256, String zipSha256, long size, int files)
            implements AuditableEvent {
        public String objectType() {
            return "EvidencePack";
        }

        public String objectId() {
            return String.valueOf(packId);
        }

        public String action() {
            return "SEAL";
        }

        public String actor() {
            return null;
        }

        public Map<String, Object> details() {
            return Map.of("manifestSha256", manifestSha256, "zipSha256", zipSha256, "size", size, "files", files);
        }
    }

    public record PackFailed(long packId, String reason) implements AuditableEvent {
        public String objectType() {
            return "EvidencePack";
        }

        public String objectId() {
            return String.valueOf(packId);
        }

        public String action() {
            return "FAIL";
        }

        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }

    public record PackDownloaded(long packId, String zipSha256) implements AuditableEvent {
        public String objectType() {
            return "EvidencePack";
        }

        public String objectId() {
            return String.valueOf(packId);
        }

        public String action() {
            return "DOWNLOAD";
        }

        public Map<String, Object> details() {
            return Map.of("zipSha256", zipSha256);
        }
    }

    /** A report (risk register, AI system profile) or an OSCAL document exported. */
    public record ReportExported(String report, String objectId, String scope) implements AuditableEvent {
        public String objectType() {
            return "Report";
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of("report", report, "scope", scope);
        }
    }
}
