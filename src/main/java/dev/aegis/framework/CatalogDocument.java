package dev.aegis.framework;

import java.util.List;

/**
 * A catalog as a file states it, before it meets the database: the framework's identity and its requirement nodes
 * (parents named by reference id), plus links inside the catalog. Bundled catalogs, custom frameworks and OSCAL
 * catalogs are all read into this shape, so one importer handles them all.
 */
public record CatalogDocument(Info info, List<Node> nodes, List<Link> links) {

    public record Info(
            String code,
            String name,
            String version,
            String publisher,
            String url,
            String licence,
            String attribution,
            String provenance,
            boolean custom) {}

    public record Node(
            String refId, String title, String text, RequirementKind kind, String parentRef, boolean assessable) {}

    /** A link inside the catalog: {@code ADDRESSES} (mitigation → technique) or {@code IN_TACTIC} (technique → tactic). */
    public record Link(String sourceRef, String targetRef, String type, String note) {}
}
