package dev.aegis.framework;

import java.util.List;

/** A crosswalk as a file states it: pairs of reference ids between two frameworks, each with its relationship. */
public record CrosswalkDocument(
        String code,
        String name,
        String sourceFramework,
        String targetFramework,
        String description,
        String licence,
        String provenance,
        List<Edge> edges) {

    public record Edge(
            String sourceRef,
            String targetRef,
            Relationship relationship,
            String mappingSource,
            String confidence,
            String rationale,
            boolean needsReview,
            String reviewNote) {}
}
