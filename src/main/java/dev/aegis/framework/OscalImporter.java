package dev.aegis.framework;

import dev.aegis.framework.CatalogDocument.Info;
import dev.aegis.framework.CatalogDocument.Link;
import dev.aegis.framework.CatalogDocument.Node;
import dev.aegis.shared.DomainRuleException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an uploaded OSCAL catalog as a custom framework: groups and controls become requirements (parents before
 * children), the {@code label} property gives the reference id, statement parts give the text. A file that is not a
 * valid OSCAL 1.2.1 catalog is refused before anything is written, with the JSON paths of its first problems.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
public class OscalImporter {

    static final int MAX_BYTES = 25 * 1024 * 1024;
    private static final int SHOWN_PROBLEMS = 5;
    /** The links Aegis keeps inside a catalog, by their OSCAL {@code rel}; other relations have no meaning here. */
    private static final Map<String, String> LINK_TYPES = Map.of("addresses", "ADDRESSES", "in-tactic", "IN_TACTIC");

    private final CatalogAdministration administration;
    private final OscalSchema schema;
    private final ObjectMapper json;

    OscalImporter(CatalogAdministration administration, OscalSchema schema, ObjectMapper json) {
        this.administration = administration;
        this.schema = schema;
        this.json = json;
    }

    /** What importing the file would add, change and withdraw; nothing is written. */
    public CatalogDiff preview(byte[] file, String code) {
        return administration.previewCustom(read(file, code));
    }

    /** Imports (or upgrades) the custom framework the file describes. */
    public CatalogDiff importCatalog(byte[] file, String code) {
        return administration.importCustom(read(file, code));
    }

    /**
     * The file as a custom catalog document. The code is the one given, else the one an Aegis export recorded, else
     * one made from the title.
     */
    public CatalogDocument read(byte[] file, String code) {
        JsonNode root = parse(file);
        List<String> problems = schema.catalogProblems(root);
        if (!problems.isEmpty()) {
            String shown = String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
            String more =
                    problems.size() > SHOWN_PROBLEMS ? " (and " + (problems.size() - SHOWN_PROBLEMS) + " more)" : "";
            throw new DomainRuleException(
                    problems.getFirst().substring(0, problems.getFirst().indexOf(": ")),
                    "The file is not a valid OSCAL " + OscalIds.OSCAL_VERSION + " catalog: " + shown + more + ".");
        }
        JsonNode catalog = root.path("catalog");
        Reader reader = new Reader();
        reader.walk(catalog, "$.catalog", null);
        return new CatalogDocument(info(catalog, code), reader.nodes, reader.links());
    }

    private JsonNode parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw new DomainRuleException("$", "The file is empty.");
        }
        if (file.length > MAX_BYTES) {
            throw new DomainRuleException("$", "The file is larger than " + MAX_BYTES / 1024 / 1024 + " MB.");
        }
        try {
            JsonNode root = json.readTree(file);
            if (root == null || !root.isObject()) {
                throw new DomainRuleException("$", "The file is not an OSCAL catalog: $ is not a JSON object.");
            }
            return root;
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new DomainRuleException(
                    "$", "The file is not well-formed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private Info info(JsonNode catalog, String code) {
        JsonNode metadata = catalog.path("metadata");
        String title = metadata.path("title").asString().strip();
        String version = metadata.path("version").asString().strip();
        within(title, 300, "$.catalog.metadata.title");
        within(version, 60, "$.catalog.metadata.version");
        String remarks = metadata.path("remarks").asString("");
        return new Info(
                code(code, metadata, title),
                title,
                version,
                publisher(metadata),
                url(metadata),
                paragraph(remarks, OscalExporter.LICENCE),
                paragraph(remarks, OscalExporter.ATTRIBUTION),
                "OSCAL " + metadata.path("oscal-version").asString() + " catalog "
                        + catalog.path("uuid").asString(),
                true);
    }

    private static String code(String given, JsonNode metadata, String title) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String recorded = aegisProp(metadata, "framework-code");
        if (recorded != null) {
            return recorded;
        }
        String derived =
                title.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return derived.length() <= 60 ? derived : derived.substring(0, 60).replaceAll("-+$", "");
    }

    /** The organisation in the publisher (or creator) role, as OSCAL names roles. */
    private static String publisher(JsonNode metadata) {
        Map<String, String> parties = new HashMap<>();
        for (JsonNode p : metadata.path("parties")) {
            parties.put(p.path("uuid").asString(), p.path("name").asString(null));
        }
        for (String role : List.of("publisher", "creator")) {
            for (JsonNode rp : metadata.path("responsible-parties")) {
                if (role.equals(rp.path("role-id").asString())) {
                    for (JsonNode uuid : rp.path("party-uuids")) {
                        String name = parties.get(uuid.asString());
                        if (name != null && !name.isBlank()) {
                            return cut(name.strip(), 300);
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String url(JsonNode metadata) {
        for (JsonNode link : metadata.path("links")) {
            String href = link.path("href").asString();
            if ((href.startsWith("https://") || href.startsWith("http://")) && href.length() <= 500) {
                return href;
            }
        }
        return null;
    }

    /** Aegis writes licence and attribution as "Licence: …" paragraphs of the remarks; other tools may too. */
    private static String paragraph(String remarks, String label) {
        for (String p : remarks.split("\\n\\s*\\n")) {
            if (p.strip().startsWith(label + ": ")) {
                return p.strip().substring(label.length() + 2).strip();
            }
        }
        return null;
    }

    /** Walks groups and controls depth-first, in the order the file states them. */
    private static final class Reader {
        final List<Node> nodes = new ArrayList<>();
        final Map<String, String> pathOfRef = new HashMap<>();
        final Map<String, String> refOfId = new HashMap<>();
        final List<String[]> pendingLinks = new ArrayList<>();

        void walk(JsonNode container, String path, String parentRef) {
            for (var field : container.properties()) {
                boolean group = field.getKey().equals("groups");
                if (!group && !field.getKey().equals("controls")) {
                    continue;
                }
                int i = 0;
                for (JsonNode item : field.getValue()) {
                    read(item, path + "." + field.getKey() + "[" + i++ + "]", parentRef, group);
                }
            }
        }

        private void read(JsonNode item, String path, String parentRef, boolean group) {
            if (hasProp(item, "status", "withdrawn")) {
                // a withdrawn requirement (and whatever hangs under it) is history, not part of the catalog to apply
                return;
            }
            String id = item.path("id").asString(null);
            String title = item.path("title").asString().strip();
            String ref = firstNonBlank(oscalProp(item, "label"), id, title);
            if (ref.isEmpty()) {
                throw new DomainRuleException(
                        path, "The file is not a usable catalog: " + path + " has no id, label or title.");
            }
            within(ref, 60, path + (oscalProp(item, "label") != null ? ".props(label)" : ".id"));
            within(title, 500, path + ".title");
            String earlier = pathOfRef.putIfAbsent(ref, path);
            if (earlier != null) {
                throw new DomainRuleException(
                        path,
                        "The file is not a usable catalog: " + path + " has the reference id " + ref + ", as has "
                                + earlier + ".");
            }
            if (id != null) {
                refOfId.put(id, ref);
            }
            String assessable = aegisProp(item, "assessable");
            nodes.add(new Node(
                    ref,
                    title,
                    statement(item),
                    kind(item.path("class").asString(null), group),
                    parentRef,
                    assessable != null ? Boolean.parseBoolean(assessable) : !group));
            for (JsonNode link : item.path("links")) {
                String href = link.path("href").asString();
                String type = LINK_TYPES.get(link.path("rel").asString());
                if (type != null && href.startsWith("#")) {
                    pendingLinks.add(new String[] {
                        ref, href.substring(1), type, link.path("text").asString(null)
                    });
                }
            }
            walk(item, path, ref);
        }

        /** Links to what the file does not hold (withdrawn requirements, back matter) are dropped. */
        List<Link> links() {
            return pendingLinks.stream()
                    .filter(l -> refOfId.containsKey(l[1]))
                    .map(l -> new Link(l[0], refOfId.get(l[1]), l[2], l[3]))
                    .toList();
        }

        private static RequirementKind kind(String oscalClass, boolean group) {
            if (oscalClass != null) {
                try {
                    return RequirementKind.valueOf(
                            oscalClass.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException notOurs) {
                    // another tool's class says nothing about Aegis kinds
                }
            }
            return group ? RequirementKind.CLAUSE : RequirementKind.CONTROL;
        }

        /** The prose of the statement (or, for a group, overview) parts, their sub-parts after them, labels kept. */
        private static String statement(JsonNode item) {
            List<String> out = new ArrayList<>();
            for (String name : List.of("statement", "overview")) {
                for (JsonNode part : item.path("parts")) {
                    if (name.equals(part.path("name").asString())) {
                        prose(part, out);
                    }
                }
                if (!out.isEmpty()) {
                    break;
                }
            }
            return out.isEmpty() ? null : String.join("\n\n", out);
        }

        private static void prose(JsonNode part, List<String> out) {
            String label = oscalProp(part, "label");
            String prose = part.path("prose").asString(null);
            if (prose != null && !prose.isBlank()) {
                out.add(label == null ? prose : label + " " + prose);
            }
            for (JsonNode sub : part.path("parts")) {
                prose(sub, out);
            }
        }
    }

    private static boolean hasProp(JsonNode item, String name, String value) {
        for (JsonNode p : item.path("props")) {
            if (name.equals(p.path("name").asString())
                    && value.equals(p.path("value").asString())
                    && isOscalNs(p)) {
                return true;
            }
        }
        return false;
    }

    /** A property OSCAL itself defines (no namespace, or NIST's). */
    private static String oscalProp(JsonNode item, String name) {
        for (JsonNode p : item.path("props")) {
            if (name.equals(p.path("name").asString()) && isOscalNs(p)) {
                return p.path("value").asString();
            }
        }
        return null;
    }

    private static String aegisProp(JsonNode item, String name) {
        for (JsonNode p : item.path("props")) {
            if (name.equals(p.path("name").asString())
                    && OscalIds.AEGIS_NS.equals(p.path("ns").asString())) {
                return p.path("value").asString();
            }
        }
        return null;
    }

    private static boolean isOscalNs(JsonNode prop) {
        String ns = prop.path("ns").asString("");
        return ns.isEmpty() || ns.equals("http://csrc.nist.gov/ns/oscal");
    }

    private static void within(String value, int max, String path) {
        if (value.length() > max) {
            throw new DomainRuleException(
                    path, "The file is not a usable catalog: " + path + " is longer than " + max + " characters.");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
