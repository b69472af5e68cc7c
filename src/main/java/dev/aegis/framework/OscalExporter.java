package dev.aegis.framework;

import dev.aegis.framework.OscalEvents.CrosswalkExported;
import dev.aegis.framework.OscalEvents.FrameworkExported;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a framework as an OSCAL 1.2.1 catalog and a crosswalk as an OSCAL 1.2.1 mapping collection. Both are built
 * from the catalog tables only: the organisation's licensed text (ISO/IEC 42001 wording) lives in a table this class
 * never reads, so no export can carry it. Every export is recorded in the audit log; the entry is written in this
 * transaction (hence not read-only).
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')")
public class OscalExporter {

    /** A document ready to be saved: the name to offer and the OSCAL JSON. */
    public record OscalExport(String fileName, JsonNode document) {}

    /** Only these kinds are headings; risks, tactics, techniques and the like are things one assesses or maps to. */
    private static final Set<RequirementKind> GROUP_KINDS = EnumSet.of(
            RequirementKind.FUNCTION,
            RequirementKind.CATEGORY,
            RequirementKind.CLAUSE,
            RequirementKind.CONTROL_OBJECTIVE);

    private final Frameworks frameworks;
    private final Requirements requirements;
    private final RequirementLinks links;
    private final Crosswalks crosswalks;
    private final CrosswalkEdges edges;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    OscalExporter(
            Frameworks frameworks,
            Requirements requirements,
            RequirementLinks links,
            Crosswalks crosswalks,
            CrosswalkEdges edges,
            ApplicationEventPublisher events,
            ObjectMapper json) {
        this.frameworks = frameworks;
        this.requirements = requirements;
        this.links = links;
        this.crosswalks = crosswalks;
        this.edges = edges;
        this.events = events;
        this.json = json;
    }

    /** The framework, withdrawn requirements included (marked so), as an OSCAL catalog. */
    public OscalExport catalog(String code) {
        Framework f = frameworks.findByCode(code).orElseThrow(() -> new NotFoundException("No framework " + code));
        List<Requirement> all = requirements.findByFrameworkIdOrderBySortOrder(f.id);
        ObjectNode doc = new CatalogWriter(f, all).write();
        String uuid = OscalIds.catalog(f).toString();
        events.publishEvent(new FrameworkExported(f.code, f.catalogVersion, uuid, all.size()));
        return new OscalExport(fileName(f.code) + ".oscal-catalog.json", doc);
    }

    /** The crosswalk as an OSCAL mapping collection whose ids are those of the two catalog exports. */
    public OscalExport mapping(String crosswalkCode) {
        Crosswalk c = crosswalks
                .findByCode(crosswalkCode)
                .orElseThrow(() -> new NotFoundException("No crosswalk " + crosswalkCode));
        List<CrosswalkEdge> list = edges.findByCrosswalkId(c.id);
        if (list.isEmpty()) {
            // OSCAL requires at least one map in a mapping
            throw new DomainRuleException("Crosswalk " + c.code + " has no mappings to export.");
        }
        Framework source = frameworks.findById(c.sourceFrameworkId).orElseThrow();
        Framework target = frameworks.findById(c.targetFrameworkId).orElseThrow();
        List<Requirement> sourceReqs = requirements.findByFrameworkIdOrderBySortOrder(source.id);
        List<Requirement> targetReqs = requirements.findByFrameworkIdOrderBySortOrder(target.id);
        Map<Long, String> ids = new HashMap<>(OscalIds.of(sourceReqs));
        ids.putAll(OscalIds.of(targetReqs));
        Map<Long, Requirement> byId = new HashMap<>();
        sourceReqs.forEach(r -> byId.put(r.id, r));
        targetReqs.forEach(r -> byId.put(r.id, r));
        List<CrosswalkEdge> ordered = list.stream()
                .sorted(Comparator.comparing((CrosswalkEdge e) -> byId.get(e.sourceRequirementId).sortOrder)
                        .thenComparing(e -> byId.get(e.targetRequirementId).sortOrder)
                        .thenComparing(e -> e.id))
                .toList();

        String fingerprint = CatalogImporter.sha256(ordered.stream()
                        .map(e -> String.join(
                                "|", String.valueOf(e.id), String.valueOf(e.version), String.valueOf(e.relationship)))
                        .collect(Collectors.joining(","))
                + source.contentHash
                + target.contentHash);
        String uuid = OscalIds.uuid("mapping-collection:" + c.code + "#" + fingerprint)
                .toString();
        long needingReview =
                ordered.stream().filter(e -> e.needsReview || e.catalogChanged).count();

        ObjectNode collection = json.createObjectNode();
        collection.put("uuid", uuid);
        ObjectNode metadata = collection.putObject("metadata");
        metadata.put("title", line(c.name, c.code));
        Instant modified = ordered.stream()
                .map(e -> e.reviewedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(source.importedAt);
        modified = latest(latest(modified, source.importedAt), target.importedAt);
        metadata.put("last-modified", timestamp(modified));
        metadata.put("version", fingerprint.substring(0, 12));
        metadata.put("oscal-version", OscalIds.OSCAL_VERSION);
        aegisProp(metadata.putArray("props"), "crosswalk-code", c.code);
        metadata.put(
                "remarks",
                paragraphs(
                        "Crosswalk " + c.code + " from " + source.code + " " + source.catalogVersion + " to "
                                + target.code + " " + target.catalogVersion
                                + ". The version is a fingerprint of the mappings as they stand.",
                        labelled("Licence", c.licence),
                        labelled("Provenance", c.provenance)));

        ObjectNode provenance = collection.putObject("provenance");
        provenance.put("method", "human");
        provenance.put("matching-rationale", "semantic");
        // a mapping somebody still has to look at is not finished work
        provenance.put("status", needingReview > 0 ? "draft" : "complete");
        provenance.put("mapping-description", text(c.description, c.name));
        provenance.put(
                "remarks",
                paragraphs(
                        "Relationships are set-theoretic (NIST IR 8477). Aegis's 'related' (a looser, unqualified link) is written "
                                + "as intersects-with; the Aegis relationship, confidence, review flags and mapping source are kept "
                                + "as properties in the " + OscalIds.AEGIS_NS + " namespace.",
                        needingReview > 0 ? needingReview + " of " + ordered.size() + " mappings need review." : null));

        ObjectNode mapping = collection.putArray("mappings").addObject();
        mapping.put("uuid", OscalIds.uuid("mapping:" + c.code).toString());
        resource(mapping.putObject("source-resource"), source);
        resource(mapping.putObject("target-resource"), target);
        ArrayNode maps = mapping.putArray("maps");
        for (CrosswalkEdge e : ordered) {
            Requirement s = byId.get(e.sourceRequirementId);
            Requirement t = byId.get(e.targetRequirementId);
            ObjectNode map = maps.addObject();
            map.put(
                    "uuid",
                    OscalIds.uuid("map:" + c.code + ":" + s.refId + "\u0000" + t.refId)
                            .toString());
            map.put("relationship", e.relationship.oscal());
            item(map.putArray("sources").addObject(), ids.get(s.id), s);
            item(map.putArray("targets").addObject(), ids.get(t.id), t);
            if (hasText(e.confidence)) {
                map.putObject("confidence-score").put("category", value(e.confidence));
            }
            ArrayNode props = map.putArray("props");
            aegisProp(props, "relationship", e.relationship.name());
            aegisProp(props, "needs-review", String.valueOf(e.needsReview));
            aegisProp(props, "catalog-changed", String.valueOf(e.catalogChanged));
            aegisProp(props, "origin", e.origin);
            aegisProp(props, "mapping-source", e.mappingSource);
            aegisProp(props, "reviewed-by", e.reviewedBy);
            String remarks = paragraphs(e.rationale, labelled("Review note", e.reviewNote));
            if (remarks != null) {
                map.put("remarks", remarks);
            }
        }
        ObjectNode doc = json.createObjectNode();
        doc.set("mapping-collection", collection);
        events.publishEvent(new CrosswalkExported(c.code, uuid, ordered.size()));
        return new OscalExport(fileName(c.code) + ".oscal-mapping.json", doc);
    }

    /** One catalog's tree, turned into OSCAL groups and controls. */
    private final class CatalogWriter {
        private final Framework framework;
        private final Map<Long, String> ids;
        private final Map<Long, List<Requirement>> children = new HashMap<>();
        private final Map<Long, List<RequirementLink>> outgoing;
        private final Set<Long> mapped = new HashSet<>();
        private final Set<Long> groups = new HashSet<>();

        CatalogWriter(Framework framework, List<Requirement> all) {
            this.framework = framework;
            this.ids = OscalIds.of(all);
            all.forEach(r ->
                    children.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r));
            List<Long> reqIds = all.stream().map(r -> r.id).toList();
            Map<Long, Requirement> byId = all.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
            this.outgoing = reqIds.isEmpty()
                    ? Map.of()
                    : links.touching(reqIds).stream()
                            .filter(l -> byId.containsKey(l.sourceId) && byId.containsKey(l.targetId))
                            .sorted(Comparator.comparing((RequirementLink l) -> l.id))
                            .collect(Collectors.groupingBy(l -> l.sourceId, LinkedHashMap::new, Collectors.toList()));
            if (!reqIds.isEmpty()) {
                edges.touching(reqIds).forEach(e -> {
                    mapped.add(e.sourceRequirementId);
                    mapped.add(e.targetRequirementId);
                });
            }
        }

        ObjectNode write() {
            place(roots(), true, false);
            ObjectNode catalog = json.createObjectNode();
            catalog.put("uuid", OscalIds.catalog(framework).toString());
            catalog.set("metadata", metadata());
            addChildren(catalog, roots());
            ObjectNode doc = json.createObjectNode();
            doc.set("catalog", catalog);
            return doc;
        }

        private List<Requirement> roots() {
            return children.getOrDefault(null, List.of());
        }

        private List<Requirement> childrenOf(Requirement r) {
            return children.getOrDefault(r.id, List.of());
        }

        /**
         * OSCAL lets a group hold either groups or controls, and a control only controls. A heading becomes a group when
         * its siblings can all be groups too; anything a crosswalk maps to stays a control, since a mapping can only
         * name controls.
         */
        private void place(List<Requirement> siblings, boolean mixingAllowed, boolean forcedControls) {
            boolean allCandidates = siblings.stream().allMatch(this::groupCandidate);
            for (Requirement r : siblings) {
                boolean group = !forcedControls && groupCandidate(r) && (mixingAllowed || allCandidates);
                if (group) {
                    groups.add(r.id);
                }
                place(childrenOf(r), false, !group);
            }
        }

        private boolean groupCandidate(Requirement r) {
            return GROUP_KINDS.contains(r.kind)
                    && !r.assessable
                    && !childrenOf(r).isEmpty()
                    && !mapped.contains(r.id);
        }

        private ObjectNode metadata() {
            ObjectNode metadata = json.createObjectNode();
            metadata.put("title", line(framework.name, framework.code));
            metadata.put("last-modified", timestamp(framework.importedAt));
            metadata.put("version", value(framework.catalogVersion));
            metadata.put("oscal-version", OscalIds.OSCAL_VERSION);
            ArrayNode props = metadata.putArray("props");
            aegisProp(props, "framework-code", framework.code);
            aegisProp(props, "custom", String.valueOf(framework.custom));
            if (isUri(framework.url)) {
                ObjectNode link = metadata.putArray("links").addObject();
                link.put("href", framework.url);
                link.put("rel", "reference");
                link.put("text", "Published source");
            }
            if (hasText(framework.publisher)) {
                String party = OscalIds.uuid("party:" + framework.publisher).toString();
                ObjectNode role = metadata.putArray("roles").addObject();
                role.put("id", "publisher");
                role.put("title", "Publisher");
                ObjectNode org = metadata.putArray("parties").addObject();
                org.put("uuid", party);
                org.put("type", "organization");
                org.put("name", value(framework.publisher));
                ObjectNode responsible =
                        metadata.putArray("responsible-parties").addObject();
                responsible.put("role-id", "publisher");
                responsible.putArray("party-uuids").add(party);
            }
            metadata.put(
                    "remarks",
                    paragraphs(
                            labelled(LICENCE, framework.licence),
                            labelled(ATTRIBUTION, framework.attribution),
                            labelled("Provenance", framework.provenance),
                            "Exported by Aegis. Text an organisation holds under licence (such as the wording of ISO/IEC 42001) "
                                    + "stays in Aegis and is never exported."));
            return metadata;
        }

        private void addChildren(ObjectNode parent, List<Requirement> kids) {
            if (kids.isEmpty()) {
                return;
            }
            // JSON keeps the key order, so the first child's array comes first and the tree reads in its own order
            boolean groupsFirst = groups.contains(kids.getFirst().id);
            List<Requirement> asGroups =
                    kids.stream().filter(r -> groups.contains(r.id)).toList();
            List<Requirement> asControls =
                    kids.stream().filter(r -> !groups.contains(r.id)).toList();
            if (groupsFirst) {
                addAll(parent, "groups", asGroups);
                addAll(parent, "controls", asControls);
            } else {
                addAll(parent, "controls", asControls);
                addAll(parent, "groups", asGroups);
            }
        }

        private void addAll(ObjectNode parent, String field, List<Requirement> list) {
            if (!list.isEmpty()) {
                ArrayNode array = parent.putArray(field);
                list.forEach(r -> array.add(node(r)));
            }
        }

        private ObjectNode node(Requirement r) {
            ObjectNode n = json.createObjectNode();
            n.put("id", ids.get(r.id));
            n.put("class", r.kind.name().toLowerCase().replace('_', '-'));
            n.put("title", line(r.title, r.refId));
            ArrayNode props = n.putArray("props");
            props.addObject().put("name", "label").put("value", value(r.refId));
            aegisProp(props, "assessable", String.valueOf(r.assessable));
            if (r.withdrawn) {
                props.addObject().put("name", "status").put("value", "withdrawn");
                aegisProp(props, "withdrawn-in", r.withdrawnIn);
            }
            List<RequirementLink> out = outgoing.getOrDefault(r.id, List.of());
            if (!out.isEmpty()) {
                ArrayNode array = n.putArray("links");
                for (RequirementLink l : out) {
                    ObjectNode link = array.addObject();
                    link.put("href", "#" + ids.get(l.targetId));
                    link.put("rel", l.linkType.toLowerCase().replace('_', '-'));
                    if (hasText(l.note)) {
                        link.put("text", line(l.note, null));
                    }
                }
            }
            if (hasText(r.text)) {
                n.putArray("parts").addObject().put("name", "statement").put("prose", r.text);
            }
            addChildren(n, childrenOf(r));
            return n;
        }
    }

    static final String LICENCE = "Licence";
    static final String ATTRIBUTION = "Attribution";

    private void resource(ObjectNode resource, Framework f) {
        resource.put("type", "catalog");
        resource.put("href", "/api/v1/frameworks/" + URLEncoder.encode(f.code, StandardCharsets.UTF_8) + "/oscal");
        ArrayNode props = resource.putArray("props");
        aegisProp(props, "framework-code", f.code);
        aegisProp(props, "catalog-uuid", OscalIds.catalog(f).toString());
        props.addObject().put("name", "version").put("ns", OscalIds.AEGIS_NS).put("value", value(f.catalogVersion));
        resource.put("remarks", line(f.name, f.code));
    }

    private static void item(ObjectNode item, String id, Requirement r) {
        item.put("type", "control");
        item.put("id-ref", id);
        item.putArray("props").addObject().put("name", "label").put("value", value(r.refId));
    }

    private static void aegisProp(ArrayNode props, String name, String value) {
        if (hasText(value)) {
            props.addObject().put("name", name).put("ns", OscalIds.AEGIS_NS).put("value", value(value));
        }
    }

    /** OSCAL strings (property values, versions) are one line without outer spaces. */
    private static String value(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** OSCAL titles and link texts are one non-empty line. */
    private static String line(String s, String fallback) {
        String v = value(s);
        return v.isEmpty() ? value(fallback) : v;
    }

    private static String text(String s, String fallback) {
        return hasText(s) ? s.strip() : line(fallback, "-");
    }

    private static String labelled(String label, String text) {
        return hasText(text) ? label + ": " + text.strip() : null;
    }

    private static String paragraphs(String... parts) {
        String joined =
                java.util.Arrays.stream(parts).filter(OscalExporter::hasText).collect(Collectors.joining("\n\n"));
        return joined.isEmpty() ? null : joined;
    }

    private static String timestamp(Instant at) {
        return (at == null ? Instant.EPOCH : at).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static boolean isUri(String s) {
        if (!hasText(s) || s.length() > 500) {
            return false;
        }
        try {
            return URI.create(s.strip()).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String fileName(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
