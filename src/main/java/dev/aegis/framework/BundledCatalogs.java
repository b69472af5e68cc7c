package dev.aegis.framework;

import dev.aegis.framework.CatalogDocument.Info;
import dev.aegis.framework.CatalogDocument.Link;
import dev.aegis.framework.CatalogDocument.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the catalogs and crosswalks shipped in {@code db/catalogs/} (copied from ../shared/catalogs with their
 * provenance and licences) into documents the importer understands.
 */
@Component
class BundledCatalogs {

    static final String NIST_RMF = "NIST-AI-RMF-1.0";
    static final String NIST_GAI = "NIST-AI-600-1";
    static final String ISO_42001 = "ISO-IEC-42001-2023";
    static final String OWASP_LLM = "OWASP-LLM-TOP10-2025";
    static final String ATLAS = "MITRE-ATLAS";
    static final String EU_AI_ACT = "EU-AI-ACT-2024-1689";

    private final ObjectMapper json;

    BundledCatalogs(ObjectMapper json) {
        this.json = json;
    }

    List<CatalogDocument> catalogs() {
        return List.of(nistRmf(), iso42001(), owaspLlm(), atlas(), nistGai(), euAiAct());
    }

    List<CrosswalkDocument> crosswalks() {
        return List.of(
                nistToIso(),
                owaspToAtlas(),
                gaiToRmf(),
                authored("crosswalk-eu-ai-act-to-iso-42001.json", "EU AI Act → ISO/IEC 42001"),
                authored("crosswalk-eu-ai-act-to-nist-ai-rmf.json", "EU AI Act → NIST AI RMF"));
    }

    CatalogDocument nistRmf() {
        JsonNode root = read("nist-ai-rmf.json");
        List<Node> nodes = new ArrayList<>();
        for (JsonNode f : sorted(root.path("functions"))) {
            nodes.add(new Node(s(f, "id"), s(f, "name"), s(f, "outcome"), RequirementKind.FUNCTION, null, false));
        }
        for (JsonNode c : root.path("categories")) {
            nodes.add(new Node(
                    s(c, "id"), title(s(c, "text")), s(c, "text"), RequirementKind.CATEGORY, s(c, "function"), false));
        }
        for (JsonNode c : root.path("subcategories")) {
            nodes.add(new Node(
                    s(c, "id"),
                    title(s(c, "text")),
                    s(c, "text"),
                    RequirementKind.SUBCATEGORY,
                    s(c, "category"),
                    true));
        }
        return new CatalogDocument(info(root, null), treeOrder(nodes), List.of());
    }

    CatalogDocument iso42001() {
        JsonNode root = read("iso-42001.json");
        List<Node> nodes = new ArrayList<>();
        for (JsonNode c : root.path("clauses")) {
            nodes.add(new Node(
                    s(c, "id"),
                    s(c, "title"),
                    null,
                    RequirementKind.CLAUSE,
                    s(c, "parent"),
                    c.path("auditable").asBoolean(false)));
        }
        for (JsonNode o : root.path("annex_a_objectives")) {
            nodes.add(new Node(
                    s(o, "id"), s(o, "title"), null, RequirementKind.CONTROL_OBJECTIVE, s(o, "parent"), false));
        }
        for (JsonNode c : root.path("annex_a_controls")) {
            nodes.add(new Node(s(c, "id"), s(c, "title"), null, RequirementKind.CONTROL, s(c, "objective"), true));
        }
        return new CatalogDocument(info(root, s(root.path("framework"), "edition")), treeOrder(nodes), List.of());
    }

    CatalogDocument owaspLlm() {
        JsonNode root = read("owasp-llm-top10-2025.json");
        List<Node> nodes = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            List<String> paragraphs = StreamSupport.stream(e.path("description").spliterator(), false)
                    .map(JsonNode::asString)
                    .toList();
            nodes.add(new Node(
                    s(e, "id"), s(e, "name"), String.join("\n\n", paragraphs), RequirementKind.RISK, null, true));
        }
        return new CatalogDocument(info(root, null), nodes, List.of());
    }

    CatalogDocument atlas() {
        JsonNode root = read("mitre-atlas.json");
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<JsonNode> tactics = StreamSupport.stream(root.path("tactics").spliterator(), false)
                .sorted(Comparator.comparingInt(t -> t.path("matrix_order").asInt(999)))
                .toList();
        for (JsonNode t : tactics) {
            nodes.add(new Node(s(t, "id"), s(t, "name"), s(t, "description"), RequirementKind.TACTIC, null, false));
        }
        for (JsonNode t : root.path("techniques")) {
            boolean sub = t.path("is_subtechnique").asBoolean(false);
            List<String> inTactics = StreamSupport.stream(t.path("tactics").spliterator(), false)
                    .map(JsonNode::asString)
                    .toList();
            // the tree shows a technique under its first tactic; every tactic it serves is an IN_TACTIC link
            String parent = sub ? s(t, "parent") : inTactics.isEmpty() ? null : inTactics.getFirst();
            nodes.add(new Node(
                    s(t, "id"),
                    s(t, sub ? "full_name" : "name"),
                    s(t, "description"),
                    sub ? RequirementKind.SUB_TECHNIQUE : RequirementKind.TECHNIQUE,
                    parent,
                    false));
            if (!sub) {
                inTactics.forEach(tactic -> links.add(new Link(s(t, "id"), tactic, "IN_TACTIC", null)));
            }
        }
        for (JsonNode m : root.path("mitigations")) {
            nodes.add(new Node(s(m, "id"), s(m, "name"), s(m, "description"), RequirementKind.MITIGATION, null, true));
            for (JsonNode use : m.path("techniques")) {
                links.add(new Link(s(m, "id"), s(use, "id"), "ADDRESSES", s(use, "use")));
            }
        }
        for (JsonNode c : root.path("case_studies")) {
            nodes.add(new Node(
                    s(c, "id"),
                    s(c, "name"),
                    "Case study (" + s(c, "type") + ", " + s(c, "incident_date") + ")",
                    RequirementKind.CASE_STUDY,
                    null,
                    false));
        }
        return new CatalogDocument(info(root, s(root.path("framework"), "data_version")), nodes, links);
    }

    CatalogDocument nistGai() {
        JsonNode root = read("nist-ai-600-1.json");
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (JsonNode r : root.path("risks")) {
            nodes.add(new Node(s(r, "id"), s(r, "name"), s(r, "definition"), RequirementKind.RISK, null, false));
        }
        // NIST groups the suggested actions by AI RMF function; the profile keeps that grouping
        for (String function : List.of("GOVERN", "MAP", "MEASURE", "MANAGE")) {
            nodes.add(new Node(
                    function,
                    function.charAt(0) + function.substring(1).toLowerCase() + " (suggested actions)",
                    null,
                    RequirementKind.FUNCTION,
                    null,
                    false));
        }
        for (JsonNode a : root.path("actions")) {
            nodes.add(new Node(
                    s(a, "id"), title(s(a, "text")), s(a, "text"), RequirementKind.ACTION, s(a, "function"), true));
            for (JsonNode risk : a.path("risk_ids")) {
                links.add(new Link(s(a, "id"), risk.asString(), "ADDRESSES", null));
            }
        }
        return new CatalogDocument(info(root, s(root.path("framework"), "published")), treeOrder(nodes), links);
    }

    CrosswalkDocument nistToIso() {
        JsonNode root = read("crosswalk-nist-ai-rmf-to-iso-42001.json");
        String source = s(root.path("original_publication"), "title");
        List<CrosswalkDocument.Edge> edges = new ArrayList<>();
        for (JsonNode m : root.path("mappings")) {
            List<String> notes = StreamSupport.stream(m.path("notes").spliterator(), false)
                    .map(JsonNode::asString)
                    .toList();
            String rationale = "Published as " + s(m, "target_id_as_published") + " “"
                    + s(m, "target_title_as_published") + "” (title check: " + s(m, "title_check") + ")";
            edges.add(new CrosswalkDocument.Edge(
                    s(m, "source_id"),
                    s(m, "target_id"),
                    Relationship.RELATED,
                    source,
                    "MEDIUM",
                    rationale,
                    m.path("needs_review").asBoolean(false),
                    notes.isEmpty()
                            ? null
                            : String.join(" ", notes)
                                    + (m.has("possible_intended_target")
                                            ? " Possible intended target: " + s(m, "possible_intended_target") + "."
                                            : "")));
        }
        return new CrosswalkDocument(
                "NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023",
                "NIST AI RMF → ISO/IEC 42001",
                NIST_RMF,
                ISO_42001,
                s(root, "description"),
                s(root, "licence"),
                provenance(root.path("provenance")),
                edges);
    }

    CrosswalkDocument owaspToAtlas() {
        JsonNode root = read("crosswalk-owasp-llm-2025-to-mitre-atlas.json");
        List<CrosswalkDocument.Edge> edges = new ArrayList<>();
        for (JsonNode m : root.path("mappings")) {
            edges.add(new CrosswalkDocument.Edge(
                    s(m, "source_id"),
                    s(m, "target_id"),
                    Relationship.RELATED,
                    "OWASP Top 10 for LLM Applications 2025 (" + s(m, "evidence") + ")",
                    "HIGH",
                    "Cited by OWASP as: " + s(m, "label_in_source"),
                    m.path("needs_review").asBoolean(false),
                    null));
        }
        return new CrosswalkDocument(
                "OWASP-LLM-TOP10-2025_to_MITRE-ATLAS",
                "OWASP LLM Top 10 → MITRE ATLAS",
                OWASP_LLM,
                ATLAS,
                s(root, "description"),
                s(root, "licence"),
                provenance(root.path("provenance")),
                edges);
    }

    CrosswalkDocument gaiToRmf() {
        JsonNode root = read("nist-ai-600-1.json");
        List<CrosswalkDocument.Edge> edges = new ArrayList<>();
        for (JsonNode a : root.path("actions")) {
            edges.add(new CrosswalkDocument.Edge(
                    s(a, "id"),
                    s(a, "subcategory"),
                    Relationship.SUBSET,
                    "NIST AI 600-1, section 3",
                    "HIGH",
                    "NIST lists this suggested action under " + s(a, "subcategory"),
                    false,
                    null));
        }
        return new CrosswalkDocument(
                "NIST-AI-600-1_to_NIST-AI-RMF-1.0",
                "NIST AI 600-1 actions → NIST AI RMF subcategories",
                NIST_GAI,
                NIST_RMF,
                "Each suggested action of the Generative AI Profile serves one AI RMF subcategory.",
                s(root.path("framework"), "licence"),
                "NIST AI 600-1",
                edges);
    }

    /**
     * Regulation (EU) 2024/1689 with its text: chapters, sections, articles ({@code Article 26}), paragraphs
     * ({@code 26.6}), points ({@code 5.1.a}) and annexes. The file gives unnamed annex items positional references
     * ({@code Annex III (4)}); they get the numbers the Official Journal prints ({@code Annex III 4}), and the areas of
     * Annex III their points ({@code Annex III 4(a)}), which classification and scope name. Articles are what a system
     * is assessed against; the rest is their text.
     */
    CatalogDocument euAiAct() {
        JsonNode root = read("eu-ai-act-2024-1689.json");
        java.util.Map<String, String> refs = new java.util.HashMap<>();
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        java.util.Map<String, String> raw = new java.util.HashMap<>();
        for (JsonNode n : root.path("nodes")) {
            kinds.put(s(n, "id"), s(n, "kind"));
            raw.put(s(n, "id"), s(n, "ref"));
        }
        for (JsonNode n : root.path("nodes")) {
            refs.put(s(n, "id"), annexRef(n, kinds, raw));
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode n : root.path("nodes")) {
            String kind = s(n, "kind");
            String ref = refs.get(s(n, "id"));
            String parent = n.path("parent").isNull() ? null : refs.get(s(n, "parent"));
            String text = s(n, "text");
            boolean annexItem = "annex".equals(kinds.get(s(n, "parent")));
            String title =
                    s(n, "title") != null ? s(n, "title") : annexItem ? annexHeading(text) : legalTitle(ref, text);
            nodes.add(new Node(
                    ref,
                    title,
                    text,
                    RequirementKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                    parent,
                    "article".equals(kind)));
            if (annexItem && ref.startsWith("Annex III ")) {
                nodes.addAll(annexPoints(ref, text));
            }
        }
        // a title is one line (OSCAL's titles are markup-line): the Official Journal's line breaks inside a point go
        List<Node> oneLine = nodes.stream()
                .map(n -> new Node(
                        n.refId(),
                        n.title() == null ? null : n.title().strip().replaceAll("\\s+", " "),
                        n.text(),
                        n.kind(),
                        n.parentRef(),
                        n.assessable()))
                .toList();
        return new CatalogDocument(info(root, s(root.path("framework"), "published")), oneLine, List.of());
    }

    /** "Annex III (4)" → "Annex III 4", the number the Official Journal prints; other refs unchanged. */
    private static String annexRef(JsonNode n, java.util.Map<String, String> kinds, java.util.Map<String, String> raw) {
        String ref = s(n, "ref");
        if (ref.matches("[a-z]") && !n.path("parent").isNull()) {
            return raw.get(s(n, "parent")) + "(" + ref + ")"; // a bare point letter under an unnumbered subparagraph
        }
        java.util.regex.Matcher positional =
                java.util.regex.Pattern.compile("^(Annex [IVX]+) \\((\\d+)\\)$").matcher(ref);
        if (!positional.matches() || !"annex".equals(kinds.get(s(n, "parent")))) {
            return ref;
        }
        return positional.group(1) + " " + positional.group(2);
    }

    private static final java.util.regex.Pattern NUMBERED_LINE =
            java.util.regex.Pattern.compile("(?m)^(\\d+)\\.\\s*(.+)$");
    private static final java.util.regex.Pattern LETTERED_LINE =
            java.util.regex.Pattern.compile("^\\(([a-z])\\)\\s*(.*)$");

    /** The heading an annex item prints ("Employment, workers management and access to self-employment"). */
    static String annexHeading(String text) {
        if (text == null) {
            return "";
        }
        java.util.regex.Matcher m = NUMBERED_LINE.matcher(text);
        String line = m.find() ? m.group(2) : text.lines().findFirst().orElse("");
        line = line.strip();
        if (line.endsWith(":")) {
            line = line.substring(0, line.length() - 1);
        }
        int comma = line.indexOf(", in so far as");
        if (comma > 0) {
            line = line.substring(0, comma);
        }
        return title(line);
    }

    /** The points (a), (b)… of an Annex III area, each with the lines that continue it. */
    static List<Node> annexPoints(String areaRef, String text) {
        List<Node> points = new ArrayList<>();
        String letter = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = LETTERED_LINE.matcher(line.strip());
            if (m.matches()) {
                if (letter != null) {
                    points.add(annexPoint(areaRef, letter, body.toString()));
                }
                letter = m.group(1);
                body = new StringBuilder(m.group(2));
            } else if (letter != null) {
                body.append('\n').append(line.strip());
            }
        }
        if (letter != null) {
            points.add(annexPoint(areaRef, letter, body.toString()));
        }
        return points;
    }

    private static Node annexPoint(String areaRef, String letter, String text) {
        String body = text.strip();
        return new Node(areaRef + "(" + letter + ")", title(body), body, RequirementKind.POINT, areaRef, false);
    }

    /** Paragraphs and points have no title of their own: "Art. 26(6): Deployers of high-risk AI systems shall keep…". */
    static String legalTitle(String ref, String text) {
        String words = text == null ? "" : text.strip().replaceAll("\\s+", " "); // a title is one line
        String first = words.length() <= 160 ? words : words.substring(0, 157).strip() + "…";
        if (!ref.matches("\\d+(\\.\\w+)*")) {
            return first; // an unnumbered subparagraph ("Article 26 (6)") has only its words
        }
        String[] parts = ref.split("\\.");
        StringBuilder cite = new StringBuilder("Art. ").append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            cite.append('(').append(parts[i]).append(')');
        }
        return cite + ": " + first;
    }

    /** A crosswalk authored by the Aegis project, in the format of {@code db/catalogs/README.md}, typed and reasoned. */
    CrosswalkDocument authored(String file, String name) {
        JsonNode root = read(file);
        List<CrosswalkDocument.Edge> edges = new ArrayList<>();
        for (JsonNode m : root.path("mappings")) {
            edges.add(new CrosswalkDocument.Edge(
                    s(m, "source_id"),
                    s(m, "target_id"),
                    switch (s(m, "relationship")) {
                        case "equivalent_to" -> Relationship.EQUAL;
                        case "subset_of" -> Relationship.SUBSET;
                        case "superset_of" -> Relationship.SUPERSET;
                        case "intersects_with" -> Relationship.INTERSECT;
                        default -> Relationship.RELATED;
                    },
                    "Aegis project (authored, not published by the framework owners)",
                    "MEDIUM",
                    s(m, "rationale"),
                    m.path("needs_review").asBoolean(true),
                    s(m, "notes")));
        }
        String source = s(root, "source_framework");
        String target = s(root, "target_framework");
        return new CrosswalkDocument(
                source + "_to_" + target,
                name,
                source,
                target,
                s(root, "description"),
                s(root, "licence"),
                provenance(root.path("provenance")),
                edges);
    }

    private Info info(JsonNode root, String versionOverride) {
        JsonNode fw = root.path("framework");
        String version =
                versionOverride != null ? versionOverride : fw.has("version") ? s(fw, "version") : s(fw, "publication");
        String attribution = fw.has("attribution") ? s(fw, "attribution") : null;
        return new Info(
                s(fw, "id"),
                s(fw, "name"),
                version,
                s(fw, "publisher"),
                s(fw, "url"),
                s(fw, "licence"),
                attribution,
                provenance(root.path("provenance")),
                false);
    }

    /** Parents before children, siblings in file order: the order a tree reads in. */
    static List<Node> treeOrder(List<Node> nodes) {
        List<Node> ordered = new ArrayList<>(nodes.size());
        java.util.Map<String, List<Node>> children = new java.util.LinkedHashMap<>();
        for (Node n : nodes) {
            children.computeIfAbsent(n.parentRef(), k -> new ArrayList<>()).add(n);
        }
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        List<Node> roots = children.getOrDefault(null, List.of());
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            ordered.add(n);
            List<Node> kids = children.getOrDefault(n.refId(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return ordered.size() == nodes.size() ? ordered : nodes;
    }

    private static String provenance(JsonNode p) {
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        if (p.has("repository")) {
            return s(p, "repository")
                    + (p.has("path") ? " " + s(p, "path") : "")
                    + (p.has("commit") ? " @ " + s(p, "commit") : "");
        }
        return p.toString();
    }

    private static List<JsonNode> sorted(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .sorted(Comparator.comparingInt(n -> n.path("order").asInt(0)))
                .toList();
    }

    /** A short title for NIST items, which have only their outcome text. */
    static String title(String text) {
        if (text == null) {
            return "";
        }
        int stop = text.indexOf(". ");
        String first = stop > 0 ? text.substring(0, stop + 1) : text;
        return first.length() <= 200 ? first : first.substring(0, 197) + "…";
    }

    private static String s(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    /** The files this class reads, in {@code db/catalogs/}. */
    private static final List<String> FILES = List.of(
            "nist-ai-rmf.json",
            "iso-42001.json",
            "owasp-llm-top10-2025.json",
            "mitre-atlas.json",
            "nist-ai-600-1.json",
            "crosswalk-nist-ai-rmf-to-iso-42001.json",
            "crosswalk-owasp-llm-2025-to-mitre-atlas.json",
            "eu-ai-act-2024-1689.json",
            "crosswalk-eu-ai-act-to-iso-42001.json",
            "crosswalk-eu-ai-act-to-nist-ai-rmf.json");

    /**
     * The SHA-256 over every bundled catalog file and over the compiled code that turns them into rows (this class and
     * the importer): it changes whenever what {@link #catalogs()} and {@link #crosswalks()} would bring in may change,
     * so a start can skip the import when the database holds the bundle with this hash.
     */
    String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                digest(sha, new ClassPathResource("db/catalogs/" + file));
            }
            for (Class<?> code : List.of(BundledCatalogs.class, CatalogImporter.class, CatalogDocument.class)) {
                digest(sha, new ClassPathResource(code.getName().replace('.', '/') + ".class"));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest sha, ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            sha.update(resource.getPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(resource.getPath() + " is missing from the build", e);
        }
    }

    private JsonNode read(String file) {
        try (InputStream in = new ClassPathResource("db/catalogs/" + file).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog " + file + " is missing from the build", e);
        }
    }
}
