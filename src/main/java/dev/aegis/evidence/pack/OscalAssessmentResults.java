package dev.aegis.evidence.pack;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.aegis.control.ControlHistory.ApplicationAt;
import dev.aegis.control.ControlHistory.ControlAt;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.OscalIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Snapshot} as an OSCAL 1.2.1 assessment-results document: one result whose reviewed controls are the
 * framework's requirements in scope; one observation per control in scope (its status per AI system, its latest test,
 * and its evidence as {@code relevant-evidence} with the evidence id, version and SHA-256); one finding per requirement,
 * satisfied when a control in scope implements it and none of them failed its latest test, not satisfied otherwise.
 * Checked against NIST's schema (shipped in {@code oscal/1.2.1/}) before it leaves Aegis.
 */
@Component
class OscalAssessmentResults {

    static final String NS = OscalIds.AEGIS_NS;
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Schema schema = load("oscal/1.2.1/oscal_assessment-results_schema.json");

    byte[] write(Snapshot s, Instant now) {
        String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String scopeKey =
                s.framework().code() + "|" + s.systemIds().stream().sorted().toList() + "|" + s.asOf();
        List<Map<String, Object>> observations = new ArrayList<>();
        Map<Long, String> observationOf = new LinkedHashMap<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (List<ControlAt> controls : s.controlsByRequirement().values()) {
            for (ControlAt c : controls) {
                if (!seen.add(c.id())) {
                    continue;
                }
                String uuid = uuid("observation|" + scopeKey + "|" + c.id()).toString();
                observationOf.put(c.id(), uuid);
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("uuid", uuid);
                o.put("title", c.title());
                List<ApplicationAt> apps = s.applicationsByControl().getOrDefault(c.id(), List.of());
                o.put(
                        "description",
                        "Control #" + c.id() + " (" + PackDocument.label(c.status()) + ")"
                                + (apps.isEmpty()
                                        ? ""
                                        : "; per AI system: "
                                                + String.join(
                                                        "; ",
                                                        apps.stream()
                                                                .map(a -> "#" + a.systemId() + " "
                                                                        + PackDocument.label(a.status()))
                                                                .toList()))
                                + (c.lastTestResult() == null
                                        ? "; not tested."
                                        : "; last test " + PackDocument.label(c.lastTestResult()) + " on "
                                                + c.lastTestedOn() + "."));
                o.put(
                        "props",
                        List.of(
                                prop("control-id", String.valueOf(c.id())),
                                prop(
                                        "implementation-status",
                                        c.status().toLowerCase(Locale.ROOT).replace('_', '-'))));
                o.put("methods", List.of(c.lastTestResult() == null ? "EXAMINE" : "TEST"));
                List<Map<String, Object>> evidence = new ArrayList<>();
                for (PackEvidence.Item e : s.evidenceByControl().getOrDefault(c.id(), List.of())) {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put(
                            "href",
                            e.hasFile()
                                    ? e.path()
                                    : e.url() != null ? e.url() : "#evidence-" + e.id() + "-v" + e.version());
                    ev.put(
                            "description",
                            "Evidence #" + e.id() + " version " + e.version() + ": " + e.title() + " ("
                                    + PackDocument.period(e) + ")");
                    List<Map<String, Object>> props = new ArrayList<>();
                    props.add(prop("evidence-id", String.valueOf(e.id())));
                    props.add(prop("evidence-version", String.valueOf(e.version())));
                    if (e.sha256() != null) {
                        props.add(prop("sha256", e.sha256()));
                    }
                    ev.put("props", props);
                    evidence.add(ev);
                }
                if (!evidence.isEmpty()) {
                    o.put("relevant-evidence", evidence);
                }
                o.put("collected", s.at().toString());
                observations.add(o);
            }
        }

        List<Map<String, Object>> findings = new ArrayList<>();
        List<Map<String, Object>> included = new ArrayList<>();
        for (RequirementSummary r : s.requirements()) {
            String id = token(r.refId());
            included.add(Map.of("control-id", id));
            List<ControlAt> controls = s.controlsByRequirement().getOrDefault(r.id(), List.of());
            // the level the Coverage screen and API show (crosswalks included): satisfied only when covered in full
            dev.aegis.control.CoverageService.RequirementCoverage coverage = s.coverageOf(r.id());
            boolean failing = controls.stream().anyMatch(c -> "FAILED".equals(c.lastTestResult()));
            boolean covered =
                    coverage != null && coverage.level() == dev.aegis.control.ControlVocabulary.CoverageLevel.COVERED;
            boolean satisfied = covered && !failing;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("uuid", uuid("finding|" + scopeKey + "|" + r.id()).toString());
            f.put("title", r.refId() + " " + r.title());
            f.put(
                    "description",
                    failing
                            ? "A control implementing this requirement failed its latest test."
                            : PackDocument.coverageSentence(coverage) + ".");
            f.put(
                    "props",
                    List.of(prop(
                            "coverage",
                            coverage == null
                                    ? "not-in-scope"
                                    : coverage.level()
                                            .name()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', '-'))));
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("state", satisfied ? "satisfied" : "not-satisfied");
            status.put("reason", satisfied ? "pass" : failing ? "fail" : "other");
            f.put(
                    "target",
                    Map.of("type", "objective-id", "target-id", id + "_obj", "title", r.refId(), "status", status));
            List<Map<String, Object>> related = controls.stream()
                    .map(c -> observationOf.get(c.id()))
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .map(u -> Map.<String, Object>of("observation-uuid", u))
                    .toList();
            if (!related.isEmpty()) {
                f.put("related-observations", related);
            }
            findings.add(f);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("uuid", uuid("result|" + scopeKey).toString());
        result.put("title", s.framework().name() + " — " + s.scopeLabel());
        result.put(
                "description",
                "The registers of Aegis as they stood on " + s.asOf() + " (end of day, UTC), for "
                        + s.framework().name() + " and " + s.scopeLabel() + ".");
        result.put("start", s.at().toString());
        result.put(
                "props",
                List.of(
                        prop("as-of", s.asOf().toString()),
                        prop("framework", s.framework().code())));
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put(
                "description",
                "The requirements of " + s.framework().name() + " in scope (Aegis requirement ids " + "in the props).");
        selection.put(
                "props",
                s.requirements().stream()
                        .limit(2000)
                        .map(r -> prop("requirement-id", r.id() + " " + r.refId()))
                        .toList());
        if (included.isEmpty()) {
            selection.put("include-all", Map.of());
        } else {
            selection.put("include-controls", included);
        }
        result.put("reviewed-controls", Map.of("control-selections", List.of(selection)));
        if (!observations.isEmpty()) {
            result.put("observations", observations);
        }
        if (!findings.isEmpty()) {
            result.put("findings", findings);
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", "Aegis assessment results: " + s.framework().name() + " as of " + s.asOf());
        metadata.put("last-modified", stamp);
        metadata.put("version", s.asOf().toString());
        metadata.put("oscal-version", OscalIds.OSCAL_VERSION);
        Map<String, Object> ar = new LinkedHashMap<>();
        ar.put("uuid", uuid("assessment-results|" + scopeKey + "|" + stamp).toString());
        ar.put("metadata", metadata);
        ar.put(
                "import-ap",
                Map.of(
                        "href",
                        "#aegis-assessment-plan",
                        "remarks",
                        "Aegis keeps no separate assessment plan: the plan is the framework and scope of this result."));
        ar.put("results", List.of(result));
        return JSON.writeValueAsString(Map.of("assessment-results", ar)).getBytes(StandardCharsets.UTF_8);
    }

    /** Every way the document breaks NIST's assessment-results schema, as "path: problem". */
    List<String> problems(byte[] document) {
        JsonNode node = JSON.readTree(document);
        Set<String> out = new LinkedHashSet<>();
        schema.validate(node).forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
        return List.copyOf(out);
    }

    private static Map<String, Object> prop(String name, String value) {
        return Map.of("name", name, "ns", NS, "value", value);
    }

    static String token(String refId) {
        return OscalIds.token(refId);
    }

    static UUID uuid(String name) {
        return OscalIds.uuid(name);
    }

    private static Schema load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            SchemaRegistryConfig config =
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(config));
            Schema schema = registry.getSchema(JSON.readTree(in));
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("the OSCAL schema " + resource + " is missing from the build", e);
        }
    }
}
