package dev.aegis.framework;

import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings catalog and crosswalk documents into the database. Idempotent (the same document twice changes nothing) and
 * versioned: a requirement keeps its id across versions, so everything that points at it stays linked; one that a new
 * version drops is withdrawn (and its crosswalk edges flagged), never deleted.
 */
@Component
class CatalogImporter {

    private final Frameworks frameworks;
    private final Requirements requirements;
    private final RequirementLinks links;
    private final Crosswalks crosswalks;
    private final CrosswalkEdges edges;
    private final CatalogImports imports;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogImporter(
            Frameworks frameworks,
            Requirements requirements,
            RequirementLinks links,
            Crosswalks crosswalks,
            CrosswalkEdges edges,
            CatalogImports imports,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.frameworks = frameworks;
        this.requirements = requirements;
        this.links = links;
        this.crosswalks = crosswalks;
        this.edges = edges;
        this.imports = imports;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CatalogDiff diff(CatalogDocument doc) {
        validate(doc);
        Framework existing = frameworks.findByCode(doc.info().code()).orElse(null);
        if (existing == null) {
            return new CatalogDiff(
                    doc.info().code(),
                    null,
                    doc.info().version(),
                    true,
                    doc.nodes().stream().map(CatalogDocument.Node::refId).toList(),
                    List.of(),
                    List.of(),
                    List.of(),
                    0,
                    true);
        }
        Map<String, Requirement> current = byRef(requirements.findByFrameworkIdOrderBySortOrder(existing.id));
        Map<String, String> hashes = nodeHashes(doc);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        for (CatalogDocument.Node n : doc.nodes()) {
            Requirement r = current.get(n.refId());
            if (r == null) {
                added.add(n.refId());
            } else if (r.withdrawn) {
                restored.add(n.refId());
            } else if (!r.contentHash.equals(hashes.get(n.refId()))) {
                changed.add(n.refId());
            }
        }
        Set<String> incoming = hashes.keySet();
        List<String> withdrawn = current.values().stream()
                .filter(r -> !r.withdrawn && !incoming.contains(r.refId))
                .map(r -> r.refId)
                .toList();
        Set<Long> touchedIds = new HashSet<>();
        for (String ref : changed) {
            touchedIds.add(current.get(ref).id);
        }
        for (String ref : withdrawn) {
            touchedIds.add(current.get(ref).id);
        }
        int touched = touchedIds.isEmpty() ? 0 : edges.touching(touchedIds).size();
        boolean infoChanged = !documentHash(doc).equals(existing.contentHash);
        return new CatalogDiff(
                doc.info().code(),
                existing.catalogVersion,
                doc.info().version(),
                false,
                added,
                changed,
                withdrawn,
                restored,
                touched,
                infoChanged);
    }

    /** Applies the document and gives back what it changed. Running it twice is a no-op the second time. */
    @Transactional
    public CatalogDiff apply(CatalogDocument doc) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('aegis-catalog-import'))::text", String.class);
        CatalogDiff diff = diff(doc);
        if (diff.isEmpty()) {
            return diff;
        }
        String by = Actors.current();
        var now = clock.instant();
        Framework framework = frameworks
                .findByCode(doc.info().code())
                .orElseGet(() -> new Framework(doc.info().code()));
        String fromVersion = framework.id == null ? null : framework.catalogVersion;
        framework.describe(doc.info(), documentHash(doc), now, by);
        framework = frameworks.save(framework);

        Map<String, Requirement> current =
                byRef(framework.id == null ? List.of() : requirements.findByFrameworkIdOrderBySortOrder(framework.id));
        Map<String, String> hashes = nodeHashes(doc);
        Map<String, CatalogDocument.Node> nodes = doc.nodes().stream()
                .collect(Collectors.toMap(
                        CatalogDocument.Node::refId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Integer> depth = depths(doc);
        int order = 0;
        for (CatalogDocument.Node n : doc.nodes()) {
            Requirement r = current.get(n.refId());
            if (r == null) {
                r = new Requirement(framework.id, n.refId(), doc.info().version());
                current.put(n.refId(), r);
            } else if (r.withdrawn || !r.contentHash.equals(hashes.get(n.refId()))) {
                r.changedIn = doc.info().version();
            }
            r.title = n.title();
            r.text = n.text();
            r.kind = n.kind();
            r.assessable = n.assessable();
            r.sortOrder = order++;
            r.depth = depth.get(n.refId());
            r.withdrawn = false;
            r.withdrawnIn = null;
            r.contentHash = hashes.get(n.refId());
            requirements.save(r);
        }
        // parents point at ids, so they are set once every node has one
        for (CatalogDocument.Node n : doc.nodes()) {
            Requirement r = current.get(n.refId());
            r.parentId = n.parentRef() == null ? null : current.get(n.parentRef()).id;
        }
        List<Long> withdrawnIds = new ArrayList<>();
        for (String ref : diff.withdrawn()) {
            Requirement r = current.get(ref);
            r.withdrawn = true;
            r.withdrawnIn = doc.info().version();
            withdrawnIds.add(r.id);
        }
        requirements.flush();
        replaceLinks(doc, current);

        List<Long> flag = new ArrayList<>(withdrawnIds);
        diff.changed().forEach(ref -> flag.add(current.get(ref).id));
        int flagged = 0;
        if (!flag.isEmpty() && fromVersion != null) {
            for (CrosswalkEdge e : edges.touching(flag)) {
                e.catalogChanged = true;
                flagged++;
            }
        }
        imports.save(
                new CatalogImport(doc.info().code(), fromVersion, doc.info().version(), diff, now, by));
        events.publishEvent(new CatalogImported(
                doc.info().code(),
                fromVersion,
                doc.info().version(),
                diff.added().size(),
                diff.changed().size(),
                diff.withdrawn().size(),
                diff.restored().size(),
                flagged));
        return diff;
    }

    /** Brings a crosswalk in line with its document. Edges reviewed or added by the organisation are left as they are. */
    @Transactional
    public int apply(CrosswalkDocument doc) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('aegis-catalog-import'))::text", String.class);
        Framework source = frameworks
                .findByCode(doc.sourceFramework())
                .orElseThrow(() -> new DomainRuleException("Unknown source framework " + doc.sourceFramework()));
        Framework target = frameworks
                .findByCode(doc.targetFramework())
                .orElseThrow(() -> new DomainRuleException("Unknown target framework " + doc.targetFramework()));
        String hash = sha256(doc.toString() + source.catalogVersion + target.catalogVersion);
        Crosswalk crosswalk = crosswalks.findByCode(doc.code()).orElseGet(() -> new Crosswalk(doc.code()));
        if (hash.equals(crosswalk.contentHash)) {
            return 0;
        }
        crosswalk.name = doc.name();
        crosswalk.sourceFrameworkId = source.id;
        crosswalk.targetFrameworkId = target.id;
        crosswalk.description = doc.description();
        crosswalk.licence = doc.licence();
        crosswalk.provenance = doc.provenance();
        crosswalk.contentHash = hash;
        crosswalk = crosswalks.save(crosswalk);
        Map<String, Requirement> sources = byRef(requirements.findByFrameworkIdOrderBySortOrder(source.id));
        Map<String, Requirement> targets = byRef(requirements.findByFrameworkIdOrderBySortOrder(target.id));
        Map<String, CrosswalkEdge> existing = new HashMap<>();
        for (CrosswalkEdge e : edges.findByCrosswalkId(crosswalk.id)) {
            existing.put(e.sourceRequirementId + ">" + e.targetRequirementId, e);
        }
        int written = 0;
        for (CrosswalkDocument.Edge d : doc.edges()) {
            Requirement s = sources.get(d.sourceRef());
            Requirement t = targets.get(d.targetRef());
            if (s == null || t == null) {
                throw new DomainRuleException("Crosswalk " + doc.code() + " names an unknown requirement: "
                        + (s == null ? d.sourceRef() : d.targetRef()));
            }
            CrosswalkEdge e = existing.get(s.id + ">" + t.id);
            if (e == null) {
                e = new CrosswalkEdge(crosswalk.id, s.id, t.id, "LIBRARY");
            } else if (e.reviewedAt != null || !"LIBRARY".equals(e.origin)) {
                continue;
            }
            e.relationship = d.relationship();
            e.mappingSource = d.mappingSource();
            e.sourceVersion = source.catalogVersion;
            e.targetVersion = target.catalogVersion;
            e.confidence = d.confidence();
            e.rationale = d.rationale();
            e.needsReview = d.needsReview();
            e.reviewNote = d.reviewNote();
            edges.save(e);
            written++;
        }
        return written;
    }

    private void replaceLinks(CatalogDocument doc, Map<String, Requirement> current) {
        List<Long> ids = current.values().stream().map(r -> r.id).toList();
        Map<String, RequirementLink> have = new HashMap<>();
        for (RequirementLink l : links.touching(ids)) {
            have.put(l.sourceId + ">" + l.targetId + ">" + l.linkType + ">" + l.note, l);
        }
        Set<String> wanted = new HashSet<>();
        for (CatalogDocument.Link l : doc.links()) {
            Requirement s = current.get(l.sourceRef());
            Requirement t = current.get(l.targetRef());
            String key = s.id + ">" + t.id + ">" + l.type() + ">" + l.note();
            if (wanted.add(key) && !have.containsKey(key)) {
                links.save(new RequirementLink(s.id, t.id, l.type(), l.note()));
            }
        }
        have.forEach((key, link) -> {
            if (!wanted.contains(key)) {
                links.delete(link);
            }
        });
    }

    /** A document that contradicts itself is refused whole, before anything is written. */
    static void validate(CatalogDocument doc) {
        List<String> problems = new ArrayList<>();
        if (doc.info().code() == null || !doc.info().code().matches("[A-Za-z0-9][A-Za-z0-9._:-]{1,59}")) {
            problems.add("framework.code must be 2 to 60 letters, digits, dots, dashes or colons");
        }
        if (doc.info().name() == null || doc.info().name().isBlank()) {
            problems.add("framework.name is missing");
        }
        if (doc.info().version() == null || doc.info().version().isBlank()) {
            problems.add("framework.version is missing");
        }
        Set<String> seen = new HashSet<>();
        for (CatalogDocument.Node n : doc.nodes()) {
            if (!seen.add(n.refId())) {
                problems.add("requirement " + n.refId() + " appears twice");
            }
        }
        for (CatalogDocument.Node n : doc.nodes()) {
            if (n.parentRef() != null && !seen.contains(n.parentRef())) {
                problems.add("requirement " + n.refId() + " names an unknown parent " + n.parentRef());
            }
        }
        for (CatalogDocument.Link l : doc.links()) {
            if (!seen.contains(l.sourceRef()) || !seen.contains(l.targetRef())) {
                problems.add("link " + l.sourceRef() + " → " + l.targetRef() + " names an unknown requirement");
            }
        }
        if (doc.nodes().isEmpty()) {
            problems.add("the catalog has no requirements");
        }
        if (!problems.isEmpty()) {
            throw new DomainRuleException(String.join("; ", problems));
        }
    }

    private static Map<String, Integer> depths(CatalogDocument doc) {
        Map<String, String> parents = new HashMap<>();
        doc.nodes().forEach(n -> parents.put(n.refId(), n.parentRef()));
        Map<String, Integer> depth = new HashMap<>();
        for (CatalogDocument.Node n : doc.nodes()) {
            int d = 0;
            Set<String> path = new HashSet<>();
            for (String p = n.parentRef(); p != null; p = parents.get(p)) {
                if (!path.add(p)) {
                    throw new DomainRuleException("requirement " + n.refId() + " is its own ancestor");
                }
                d++;
            }
            depth.put(n.refId(), d);
        }
        return depth;
    }

    private static Map<String, Requirement> byRef(List<Requirement> list) {
        Map<String, Requirement> map = new LinkedHashMap<>();
        list.forEach(r -> map.put(r.refId, r));
        return map;
    }

    private static Map<String, String> nodeHashes(CatalogDocument doc) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (CatalogDocument.Node n : doc.nodes()) {
            hashes.put(
                    n.refId(),
                    sha256(String.join(
                            "\u001f",
                            n.title(),
                            String.valueOf(n.text()),
                            n.kind().name(),
                            String.valueOf(n.parentRef()),
                            String.valueOf(n.assessable()))));
        }
        return hashes;
    }

    /** Covers everything the document says, in its order, so any change at all makes the import do something. */
    private static String documentHash(CatalogDocument doc) {
        return sha256(doc.info() + "\u001e" + nodeHashes(doc) + "\u001e" + doc.links());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
