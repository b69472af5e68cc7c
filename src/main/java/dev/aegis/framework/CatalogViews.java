package dev.aegis.framework;

import java.util.List;

/** What the catalog module shows the rest of Aegis: plain records, never its entities. */
public final class CatalogViews {

    private CatalogViews() {}

    public record FrameworkSummary(
            long id,
            String code,
            String name,
            String version,
            String publisher,
            String url,
            String licence,
            String attribution,
            boolean custom,
            long requirements) {

        private static final java.util.Map<String, String> SHORT_NAMES = java.util.Map.of(
                "NIST-AI-RMF-1.0", "NIST AI RMF 1.0",
                "ISO-IEC-42001-2023", "ISO/IEC 42001:2023",
                "OWASP-LLM-TOP10-2025", "OWASP Top 10 for LLM 2025",
                "MITRE-ATLAS", "MITRE ATLAS",
                "NIST-AI-600-1", "NIST AI 600-1 (Generative AI)",
                "EU-AI-ACT-2024-1689", "EU AI Act (Regulation (EU) 2024/1689)");

        /**
         * The name people know the framework by, short enough for a picker or a column ("ISO/IEC 42001:2023"); the
         * full title for a framework of the organisation's own.
         */
        public String shortName() {
            return shortName(code, name);
        }

        /** The short name of a bundled framework by its code, else the name given. */
        public static String shortName(String code, String name) {
            return SHORT_NAMES.getOrDefault(code, name);
        }
    }

    public record RequirementSummary(
            long id,
            String frameworkCode,
            String refId,
            String title,
            RequirementKind kind,
            Long parentId,
            int depth,
            boolean assessable,
            boolean withdrawn) {

        /** e.g. "GOVERN 1.1 · Legal and regulatory requirements…" */
        public String label() {
            return refId + " · " + title;
        }
    }

    /**
     * A requirement in another framework reached through a crosswalk edge, seen from this one; {@code via} names the
     * entry under this one the edge actually touches (a sub-technique), null when it touches this one itself.
     */
    public record Mapping(
            long edgeId,
            String crosswalkCode,
            boolean outgoing,
            RequirementSummary other,
            Relationship relationship,
            String confidence,
            boolean needsReview,
            boolean catalogChanged,
            String mappingSource,
            String rationale,
            String reviewNote,
            String reviewedBy,
            RequirementSummary via) {}

    /** A link inside the catalog (an ATLAS mitigation addressing a technique, a technique in a tactic). */
    public record CatalogLink(String type, boolean outgoing, RequirementSummary other, String note) {}

    public record RequirementDetail(
            RequirementSummary requirement,
            String text,
            String licensedText,
            String addedIn,
            String changedIn,
            String withdrawnIn,
            List<Mapping> mappings,
            List<CatalogLink> links) {}

    public record CrosswalkSummary(
            long id,
            String code,
            String name,
            String sourceFramework,
            String targetFramework,
            String description,
            String licence,
            long edges,
            long needingReview) {}

    public record Edge(
            long id,
            String crosswalkCode,
            RequirementSummary source,
            RequirementSummary target,
            Relationship relationship,
            String confidence,
            boolean needsReview,
            boolean catalogChanged,
            String mappingSource,
            String rationale,
            String reviewNote,
            String reviewedBy,
            String origin,
            long version) {}
}
