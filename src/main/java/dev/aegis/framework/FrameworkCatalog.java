package dev.aegis.framework;

import dev.aegis.framework.CatalogViews.CatalogLink;
import dev.aegis.framework.CatalogViews.CrosswalkSummary;
import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.Mapping;
import dev.aegis.framework.CatalogViews.RequirementDetail;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the catalogs and crosswalks: every signed-in role may. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER') or hasAuthority('"
        + FrameworkCatalog.SYSTEM_READ + "')")
public class FrameworkCatalog {

    /** The system actor's permission to read the catalogs (start-up and demo runners, records linked to requirements). */
    public static final String SYSTEM_READ = "SYSTEM:framework.read";

    private final Frameworks frameworks;
    private final Requirements requirements;
    private final RequirementLinks links;
    private final Crosswalks crosswalks;
    private final CrosswalkEdges edges;
    private final LicensedTexts licensedTexts;
    private final EntityManager em;

    FrameworkCatalog(
            Frameworks frameworks,
            Requirements requirements,
            RequirementLinks links,
            Crosswalks crosswalks,
            CrosswalkEdges edges,
            LicensedTexts licensedTexts,
            EntityManager em) {
        this.frameworks = frameworks;
        this.requirements = requirements;
        this.links = links;
        this.crosswalks = crosswalks;
        this.edges = edges;
        this.licensedTexts = licensedTexts;
        this.em = em;
    }

    public List<FrameworkSummary> frameworks() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select r.frameworkId, count(r) from Requirement r where r.withdrawn = false "
                                + "group by r.frameworkId",
                        Object[].class)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return frameworks.findAllByOrderByCustomAscNameAsc().stream()
                .map(f -> new FrameworkSummary(
                        f.id,
                        f.code,
                        f.name,
                        f.catalogVersion,
                        f.publisher,
                        f.url,
                        f.licence,
                        f.attribution,
                        f.custom,
                        counts.getOrDefault(f.id, 0L)))
                .toList();
    }

    public FrameworkSummary framework(String code) {
        return frameworks().stream()
                .filter(f -> f.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No framework " + code));
    }

    /** Every requirement of a framework, parents before children, for a tree. */
    public List<RequirementSummary> tree(String code, boolean includeWithdrawn) {
        Framework f = frameworks.findByCode(code).orElseThrow(() -> new NotFoundException("No framework " + code));
        return requirements.findByFrameworkIdOrderBySortOrder(f.id).stream()
                .filter(r -> includeWithdrawn || !r.withdrawn)
                .map(r -> summary(r, f.code))
                .toList();
    }

    /**
     * Requirements whose reference id, title or text contains the query (case-insensitive), across every framework
     * unless one is named, optionally of one kind. Ranked so that what the words name comes first: an exact reference
     * id ("AML.T0051", or "LLM01" for "LLM01:2025"), then an exact title ("Prompt Injection"), reference ids and
     * titles that start with the query, other id and title matches, and last matches in the text only; within a rank,
     * catalog entries before case studies (which mention many techniques), bundled frameworks before custom ones.
     */
    public Page<RequirementSummary> search(String frameworkCode, String query, RequirementKind kind, Pageable page) {
        StringBuilder where = new StringBuilder(
                " from Requirement r, Framework f where f.id = r.frameworkId and r.withdrawn = false");
        Map<String, Object> params = new HashMap<>();
        if (frameworkCode != null && !frameworkCode.isBlank()) {
            where.append(" and f.code = :code");
            params.put("code", frameworkCode);
        }
        if (kind != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", kind);
        }
        String q = query == null ? "" : query.trim().toLowerCase();
        if (!q.isEmpty()) {
            where.append(" and (lower(r.refId) like :q or lower(r.title) like :q or lower(r.text) like :q)");
            String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("q", "%" + escaped + "%");
            params.put("prefix", escaped + "%");
            params.put("versioned", escaped + ":%");
            params.put("exact", q);
        }
        var count = em.createQuery("select count(r)" + where, Long.class);
        params.forEach((k, v) -> {
            if (k.equals("code") || k.equals("kind") || k.equals("q")) {
                count.setParameter(k, v);
            }
        });
        String order = q.isEmpty()
                ? " order by f.custom, f.name, r.sortOrder"
                : " order by case when lower(r.refId) = :exact or lower(r.refId) like :versioned then 0"
                        + " when lower(r.title) = :exact then 1 when lower(r.refId) like :prefix then 2 when lower(r.title) like :prefix then 3"
                        + " when lower(r.refId) like :q then 4 when lower(r.title) like :q then 5 else 6 end,"
                        + " case when r.kind = :caseStudy then 1 else 0 end, f.custom, f.name, r.sortOrder";
        var select = em.createQuery("select r, f.code" + where + order, Object[].class);
        params.forEach(select::setParameter);
        if (!q.isEmpty()) {
            select.setParameter("caseStudy", RequirementKind.CASE_STUDY);
        }
        select.setFirstResult((int) page.getOffset());
        select.setMaxResults(page.getPageSize());
        List<RequirementSummary> content = select.getResultList().stream()
                .map(row -> summary((Requirement) row[0], (String) row[1]))
                .toList();
        return new PageImpl<>(content, page, count.getSingleResult());
    }

    /**
     * One requirement with its crosswalk mappings seen from its side, whichever way a crosswalk points, including the
     * mappings of the entries under it (a technique shows what maps to its sub-techniques, marked "via"), and the
     * links inside its catalog.
     */
    public RequirementDetail requirement(long id) {
        Requirement r = requirements.findById(id).orElseThrow(() -> new NotFoundException("No requirement " + id));
        Map<Long, String> codes = frameworkCodes();
        Set<Long> self = new HashSet<>(descendants(id));
        self.add(id);
        List<CrosswalkEdge> touching = edges.touching(self).stream()
                .filter(e -> !(self.contains(e.sourceRequirementId) && self.contains(e.targetRequirementId)))
                .toList();
        List<RequirementLink> catalogLinks = links.touching(List.of(id));
        Set<Long> others = new HashSet<>(self);
        touching.forEach(e -> {
            others.add(e.sourceRequirementId);
            others.add(e.targetRequirementId);
        });
        catalogLinks.forEach(l -> others.add(l.sourceId.equals(id) ? l.targetId : l.sourceId));
        Map<Long, RequirementSummary> byId = summaries(others, codes);
        Map<Long, String> crosswalkCodes =
                crosswalks.findAll().stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
        List<Mapping> mappings = touching.stream()
                .map(e -> {
                    boolean outgoing = self.contains(e.sourceRequirementId);
                    long mine = outgoing ? e.sourceRequirementId : e.targetRequirementId;
                    return new Mapping(
                            e.id,
                            crosswalkCodes.get(e.crosswalkId),
                            outgoing,
                            byId.get(outgoing ? e.targetRequirementId : e.sourceRequirementId),
                            e.relationship,
                            e.confidence,
                            e.needsReview,
                            e.catalogChanged,
                            e.mappingSource,
                            e.rationale,
                            e.reviewNote,
                            e.reviewedBy,
                            mine == id ? null : byId.get(mine));
                })
                .filter(m -> m.other() != null)
                .sorted(Comparator.comparing(
                                (Mapping m) -> m.via() == null ? "" : m.via().refId())
                        .thenComparing(m -> m.other().refId()))
                .toList();
        List<CatalogLink> linked = catalogLinks.stream()
                .map(l -> {
                    boolean outgoing = l.sourceId.equals(id);
                    return new CatalogLink(l.linkType, outgoing, byId.get(outgoing ? l.targetId : l.sourceId), l.note);
                })
                .sorted((a, b) -> a.other().refId().compareTo(b.other().refId()))
                .toList();
        String licensed = licensedTexts.findById(id).map(t -> t.text).orElse(null);
        return new RequirementDetail(
                summary(r, codes.get(r.frameworkId)),
                r.text,
                licensed,
                r.addedIn,
                r.changedIn,
                r.withdrawnIn,
                mappings,
                linked);
    }

    /** The entries under a requirement, at any depth (an ATLAS technique's sub-techniques, a function's categories). */
    private Set<Long> descendants(long id) {
        Set<Long> found = new HashSet<>();
        Set<Long> level = Set.of(id);
        while (!level.isEmpty()) {
            Set<Long> next = new HashSet<>();
            requirements.findByParentIdIn(level).forEach(child -> next.add(child.id));
            next.removeAll(found);
            found.addAll(next);
            level = next;
        }
        return found;
    }

    /** Looks requirements up by framework code and reference id, e.g. to resolve references in an import. */
    public java.util.Optional<RequirementSummary> find(String frameworkCode, String refId) {
        return frameworks
                .findByCode(frameworkCode)
                .flatMap(
                        f -> requirements.findByFrameworkIdAndRefId(f.id, refId).map(r -> summary(r, f.code)));
    }

    public List<RequirementSummary> requirements(Collection<Long> ids) {
        Map<Long, String> codes = frameworkCodes();
        return requirements.findByIdIn(ids).stream()
                .map(r -> summary(r, codes.get(r.frameworkId)))
                .toList();
    }

    public List<CrosswalkSummary> crosswalks() {
        Map<Long, String> codes = frameworkCodes();
        return crosswalks.findAll().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .map(c -> new CrosswalkSummary(
                        c.id,
                        c.code,
                        c.name,
                        codes.get(c.sourceFrameworkId),
                        codes.get(c.targetFrameworkId),
                        c.description,
                        c.licence,
                        edges.countByCrosswalkId(c.id),
                        edges.countByCrosswalkIdAndNeedsReviewTrue(c.id)))
                .toList();
    }

    /** The edges of one crosswalk, for the mapping matrix. */
    public List<Edge> edges(String crosswalkCode) {
        Crosswalk c = crosswalks
                .findByCode(crosswalkCode)
                .orElseThrow(() -> new NotFoundException("No crosswalk " + crosswalkCode));
        List<CrosswalkEdge> list = edges.findByCrosswalkId(c.id);
        Set<Long> ids = new HashSet<>();
        list.forEach(e -> {
            ids.add(e.sourceRequirementId);
            ids.add(e.targetRequirementId);
        });
        Map<Long, RequirementSummary> byId = summaries(ids, frameworkCodes());
        return list.stream()
                .map(e -> edge(e, c.code, byId))
                .sorted((a, b) -> a.source().refId().compareTo(b.source().refId()) != 0
                        ? compareRefs(a.source(), b.source())
                        : compareRefs(a.target(), b.target()))
                .toList();
    }

    /** ATLAS: links of one type ("ADDRESSES", "IN_TACTIC") as pairs of requirement ids (source, target). */
    public List<long[]> links(String type) {
        return links.findByLinkType(type).stream()
                .map(l -> new long[] {l.sourceId, l.targetId})
                .toList();
    }

    static Edge edge(CrosswalkEdge e, String code, Map<Long, RequirementSummary> byId) {
        return new Edge(
                e.id,
                code,
                byId.get(e.sourceRequirementId),
                byId.get(e.targetRequirementId),
                e.relationship,
                e.confidence,
                e.needsReview,
                e.catalogChanged,
                e.mappingSource,
                e.rationale,
                e.reviewNote,
                e.reviewedBy,
                e.origin,
                e.version);
    }

    private static int compareRefs(RequirementSummary a, RequirementSummary b) {
        return a.refId().compareTo(b.refId());
    }

    Map<Long, RequirementSummary> summaries(Collection<Long> ids, Map<Long, String> codes) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return requirements.findByIdIn(ids).stream()
                .map(r -> summary(r, codes.get(r.frameworkId)))
                .collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
    }

    Map<Long, String> frameworkCodes() {
        Map<Long, String> codes = new HashMap<>();
        frameworks.findAll().forEach(f -> codes.put(f.id, f.code));
        return codes;
    }

    static RequirementSummary summary(Requirement r, String frameworkCode) {
        return new RequirementSummary(
                r.id, frameworkCode, r.refId, r.title, r.kind, r.parentId, r.depth, r.assessable, r.withdrawn);
    }

    static List<RequirementSummary> children(List<RequirementSummary> all, Long parentId) {
        List<RequirementSummary> out = new ArrayList<>();
        for (RequirementSummary r : all) {
            if (java.util.Objects.equals(r.parentId(), parentId)) {
                out.add(r);
            }
        }
        return out;
    }
}
