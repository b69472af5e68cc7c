package dev.aegis.framework.ui;

import dev.aegis.framework.CatalogViews.FrameworkSummary;
import java.util.Comparator;
import java.util.List;

/**
 * The order pickers list frameworks in: the governance frameworks first, then the threat catalogs and profiles, then
 * the organisation's own. The catalog's alphabetical order would open on ATLAS, which is not where people start.
 */
final class FrameworkOrder {

    private static final List<String> PREFERRED = List.of(
            "NIST-AI-RMF-1.0",
            "ISO-IEC-42001-2023",
            "OWASP-LLM-TOP10-2025",
            "MITRE-ATLAS",
            "NIST-AI-600-1",
            "EU-AI-ACT-2024-1689");

    private FrameworkOrder() {}

    static List<FrameworkSummary> sorted(List<FrameworkSummary> frameworks) {
        return frameworks.stream()
                .sorted(Comparator.comparingInt(FrameworkOrder::rank)
                        .thenComparing(FrameworkSummary::custom)
                        .thenComparing(FrameworkSummary::name))
                .toList();
    }

    private static int rank(FrameworkSummary f) {
        int i = PREFERRED.indexOf(f.code());
        return i < 0 ? PREFERRED.size() : i;
    }
}
