package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its schema: no module's SQL names another module's schema — not in Java strings (native SQL, JPQL,
 * JDBC), not in {@code @Table(schema = …)} or {@code @CollectionTable(schema = …)}, not in its migrations. A module
 * that needs another's data asks its service or keeps a copy fed by its events, so a column renamed in one module
 * breaks no other module's SQL behind the compiler's back.
 */
class SchemaOwnershipUnitTest {

    static final Path JAVA = Path.of("src/main/java/dev/aegis");
    static final Path MIGRATIONS = Path.of("db/migration");
    /** Schemas that are not a module's: the event publication registry, read by Spring Modulith only. */
    static final Set<String> SHARED = Set.of("shared", "events");
    /** A module and the schemas besides its own that are its (the evidence packs live in evidence.pack). */
    static final Map<String, Set<String>> ALSO_OWNS = Map.of("evidence", Set.of("evidencepack"));

    static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    static final Pattern SCHEMA_ATTRIBUTE = Pattern.compile("schema\\s*=\\s*\"([a-z_]+)\"");

    @Test
    void no_module_names_another_modules_schema_in_its_sql() throws IOException {
        Set<String> schemas = schemas();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = JAVA.relativize(file).toString().replace('\\', '/');
                if (!relative.contains("/")) {
                    continue; // the root package is no module
                }
                String module = relative.substring(0, relative.indexOf('/'));
                String source = Files.readString(file);
                Matcher attribute = SCHEMA_ATTRIBUTE.matcher(source);
                while (attribute.find()) {
                    foreign(module, attribute.group(1), schemas).ifPresent(s -> found.add(relative + " -> " + s));
                }
                Matcher literal = STRING.matcher(source);
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    for (String schema : named(text, schemas)) {
                        foreign(module, schema, schemas).ifPresent(s -> found.add(relative + " -> " + s));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String module = file.getParent().getFileName().toString();
                String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
                for (String schema : named(sql, schemas)) {
                    foreign(module, schema, schemas)
                            .ifPresent(
                                    s -> found.add("db/migration/" + module + "/" + file.getFileName() + " -> " + s));
                }
            }
        }
        assertThat(found)
                .as("SQL naming another module's schema: ask its service (e.g. its \"as of\" history reader), or keep a"
                        + " copy fed by its events")
                .isEmpty();
    }

    @Test
    void the_rule_sees_sql_in_strings_and_text_blocks() {
        Set<String> schemas = Set.of("inventory", "risk");
        assertThat(named("select name from inventory.ai_system s join risk.risk r on true", schemas))
                .containsExactlyInAnyOrder("inventory", "risk");
        assertThat(named("see https://monitor.example.org and risk.getTitle", Set.of("monitor", "risk")))
                .isEmpty();
    }

    static Set<String> named(String text, Set<String> schemas) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w./:-])([a-z_]+)\\.([a-z_]+)\\b(?!\\s*\\()")
                .matcher(text);
        while (m.find()) {
            if (schemas.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    static java.util.Optional<String> foreign(String module, String schema, Set<String> schemas) {
        if (!schemas.contains(schema)
                || schema.equals(module)
                || SHARED.contains(schema)
                || ALSO_OWNS.getOrDefault(module, Set.of()).contains(schema)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(schema);
    }

    static Set<String> schemas() throws IOException {
        try (Stream<Path> dirs = Files.list(MIGRATIONS)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
