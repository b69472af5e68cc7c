package dev.aegis.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where each catalog and crosswalk shipped with Aegis comes from and under which licence, read from the files in
 * {@code db/catalogs/} so the About page can never drift from the data.
 */
@Component
public class FrameworkSources {

    /** One shipped data file: what it is, who publishes it, its licence and attribution, and where it was taken from. */
    public record Source(
            String file,
            String id,
            String name,
            String publisher,
            String version,
            String url,
            String licence,
            String attribution,
            String provenance) {}

    private final List<Source> sources;

    FrameworkSources(ObjectMapper json) {
        this.sources = load(json);
    }

    public List<Source> all() {
        return sources;
    }

    private static List<Source> load(ObjectMapper json) {
        List<Source> found = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/catalogs/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    found.add(source(r.getFilename(), json.readTree(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the framework catalogs are missing from the build", e);
        }
        found.sort(Comparator.comparing(Source::file));
        return List.copyOf(found);
    }

    private static Source source(String file, JsonNode root) {
        JsonNode fw = root.path("framework");
        JsonNode prov = root.path("provenance");
        String provenance = text(prov, "repository", text(prov, "source", ""));
        if (fw.isMissingNode()) {
            String from = text(root, "source_framework", "?");
            String to = text(root, "target_framework", "?");
            // the frameworks by the names people know, not the catalog codes
            String name = "Crosswalk " + CatalogViews.FrameworkSummary.shortName(from, from) + " → "
                    + CatalogViews.FrameworkSummary.shortName(to, to);
            return new Source(
                    file,
                    file.replace(".json", ""),
                    name,
                    text(root, "description", ""),
                    "",
                    "",
                    text(root, "licence", ""),
                    "",
                    provenance);
        }
        String version =
                text(fw, "version", text(fw, "data_version", text(fw, "edition", text(fw, "publication", ""))));
        return new Source(
                file,
                text(fw, "id", file),
                text(fw, "name", file),
                text(fw, "publisher", ""),
                version,
                text(fw, "url", ""),
                text(fw, "licence", ""),
                text(fw, "attribution", ""),
                provenance);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? fallback : v.isString() ? v.asString() : v.toString();
    }
}
