package dev.aegis.framework;

import dev.aegis.shared.DomainRuleException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a custom framework (an organisation's own policy, the EU AI Act, a sector rule) from JSON or YAML in the
 * format documented in docs/custom-frameworks.md. YAML is read as a node tree with positions, so every problem is
 * reported with its line and field; JSON is read the same way (it is YAML too). A file with any problem is refused
 * whole: the caller gets every problem at once, and nothing is imported.
 */
public final class CustomFrameworkFormat {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Set<String> FRAMEWORK_FIELDS =
            Set.of("code", "name", "version", "publisher", "url", "licence", "license", "attribution");
    private static final Set<String> REQUIREMENT_FIELDS =
            Set.of("id", "title", "text", "kind", "parent", "assessable", "children");

    private CustomFrameworkFormat() {}

    public static CatalogDocument parse(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new DomainRuleException("file", "The file is larger than 5 MB.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DomainRuleException("file", "The file is not UTF-8 text.");
        }
        return parse(text);
    }

    public static CatalogDocument parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_BYTES);
        Node root;
        try {
            root = new Yaml(
                            new SafeConstructor(options),
                            new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                            new org.yaml.snakeyaml.DumperOptions(),
                            options)
                    .compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new DomainRuleException("file", "line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (RuntimeException e) {
            throw new DomainRuleException("file", "The file is neither JSON nor YAML: " + e.getMessage());
        }
        Reader reader = new Reader();
        CatalogDocument doc = reader.read(root);
        if (!reader.problems.isEmpty()) {
            throw new DomainRuleException("file", String.join("\n", reader.problems));
        }
        return doc;
    }

    private static final class Reader {
        final List<String> problems = new ArrayList<>();
        final List<CatalogDocument.Node> nodes = new ArrayList<>();
        final Map<String, String> firstSeen = new HashMap<>();

        CatalogDocument read(Node root) {
            if (!(root instanceof MappingNode top)) {
                problem(root, "", "the file must hold an object with 'framework' and 'requirements'");
                return null;
            }
            Map<String, Node> fields = fields(top, "", Set.of("framework", "requirements"));
            CatalogDocument.Info info = info(fields.get("framework"), top);
            Node list = fields.get("requirements");
            if (list == null) {
                problem(top, "requirements", "is missing");
            } else if (!(list instanceof SequenceNode seq)) {
                problem(list, "requirements", "must be a list");
            } else if (seq.getValue().isEmpty()) {
                problem(list, "requirements", "is empty");
            } else {
                requirements(seq, "requirements", null);
            }
            for (CatalogDocument.Node n : nodes) {
                if (n.parentRef() != null && !firstSeen.containsKey(n.parentRef())) {
                    problems.add(firstSeen.get(n.refId()) + ": parent '" + n.parentRef()
                            + "' is not a requirement of this file");
                }
            }
            return info == null ? null : new CatalogDocument(info, nodes, List.of());
        }

        CatalogDocument.Info info(Node node, Node parent) {
            if (node == null) {
                problem(parent, "framework", "is missing");
                return null;
            }
            if (!(node instanceof MappingNode map)) {
                problem(node, "framework", "must be an object");
                return null;
            }
            Map<String, Node> f = fields(map, "framework", FRAMEWORK_FIELDS);
            String code = required(f, map, "framework", "code");
            if (code != null && !code.matches("[A-Za-z0-9][A-Za-z0-9._:-]{1,59}")) {
                problem(f.get("code"), "framework.code", "must be 2 to 60 letters, digits, dots, dashes or colons");
            }
            String name = required(f, map, "framework", "name");
            String version = required(f, map, "framework", "version");
            String licence = scalar(f.get("licence"), "framework.licence");
            if (licence == null) {
                licence = scalar(f.get("license"), "framework.license");
            }
            return new CatalogDocument.Info(
                    code,
                    name,
                    version,
                    scalar(f.get("publisher"), "framework.publisher"),
                    scalar(f.get("url"), "framework.url"),
                    licence,
                    scalar(f.get("attribution"), "framework.attribution"),
                    "imported from a custom framework file",
                    true);
        }

        void requirements(SequenceNode seq, String path, String parentRef) {
            int i = 0;
            for (Node item : seq.getValue()) {
                String at = path + "[" + i++ + "]";
                if (!(item instanceof MappingNode map)) {
                    problem(item, at, "must be an object with at least 'id' and 'title'");
                    continue;
                }
                Map<String, Node> f = fields(map, at, REQUIREMENT_FIELDS);
                String id = required(f, map, at, "id");
                String title = required(f, map, at, "title");
                if (title != null && title.length() > 500) {
                    problem(f.get("title"), at + ".title", "is longer than 500 characters");
                }
                if (id != null && id.length() > 60) {
                    problem(f.get("id"), at + ".id", "is longer than 60 characters");
                }
                RequirementKind kind = RequirementKind.CLAUSE;
                String kindText = scalar(f.get("kind"), at + ".kind");
                if (kindText != null) {
                    try {
                        kind = RequirementKind.valueOf(kindText.trim()
                                .toUpperCase(Locale.ROOT)
                                .replace(' ', '_')
                                .replace('-', '_'));
                    } catch (IllegalArgumentException e) {
                        problem(
                                f.get("kind"),
                                at + ".kind",
                                "'" + kindText + "' is not one of "
                                        + java.util.Arrays.stream(RequirementKind.values())
                                                .map(k -> k.name().toLowerCase())
                                                .toList());
                    }
                }
                boolean assessable = true;
                String assessableText = scalar(f.get("assessable"), at + ".assessable");
                if (assessableText != null) {
                    if (!assessableText.equals("true") && !assessableText.equals("false")) {
                        problem(f.get("assessable"), at + ".assessable", "must be true or false");
                    }
                    assessable = assessableText.equals("true");
                }
                String parent = scalar(f.get("parent"), at + ".parent");
                if (parent != null && parentRef != null) {
                    problem(f.get("parent"), at + ".parent", "cannot be given inside 'children'");
                }
                String effectiveParent = parentRef != null ? parentRef : parent;
                if (id != null) {
                    if (firstSeen.containsKey(id)) {
                        problem(f.get("id"), at + ".id", "'" + id + "' was already used at " + firstSeen.get(id));
                    } else {
                        firstSeen.put(id, "line " + line(f.get("id")) + ", " + at);
                        nodes.add(new CatalogDocument.Node(
                                id,
                                title == null ? "" : title,
                                scalar(f.get("text"), at + ".text"),
                                kind,
                                effectiveParent,
                                assessable));
                    }
                }
                Node children = f.get("children");
                if (children != null) {
                    if (children instanceof SequenceNode kids) {
                        requirements(kids, at + ".children", id);
                    } else {
                        problem(children, at + ".children", "must be a list");
                    }
                }
            }
        }

        Map<String, Node> fields(MappingNode map, String path, Set<String> allowed) {
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (!allowed.contains(key)) {
                    problem(
                            t.getKeyNode(),
                            path.isEmpty() ? key : path + "." + key,
                            "is not a known field (known: "
                                    + allowed.stream().sorted().toList() + ")");
                }
                out.put(key, t.getValueNode());
            }
            return out;
        }

        String required(Map<String, Node> f, Node owner, String path, String field) {
            String value = scalar(f.get(field), path + "." + field);
            if (value == null || value.isBlank()) {
                problem(f.containsKey(field) ? f.get(field) : owner, path + "." + field, "is missing");
                return null;
            }
            return value.trim();
        }

        String scalar(Node node, String path) {
            if (node == null) {
                return null;
            }
            if (node instanceof ScalarNode s) {
                return "null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", "")) ? null : s.getValue();
            }
            problem(node, path, "must be a single value");
            return null;
        }

        void problem(Node node, String path, String message) {
            problems.add("line " + line(node) + ", " + path + ": " + message);
        }

        static int line(Node node) {
            return node == null || node.getStartMark() == null
                    ? 0
                    : node.getStartMark().getLine() + 1;
        }
    }
}
