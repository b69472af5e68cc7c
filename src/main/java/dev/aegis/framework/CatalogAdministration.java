package dev.aegis.framework;

import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CrosswalkEvents.EdgeAdded;
import dev.aegis.framework.CrosswalkEvents.EdgeRemoved;
import dev.aegis.framework.CrosswalkEvents.EdgeReviewed;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What governance officers (and administrators) do with the catalogs: import custom frameworks, keep crosswalks
 * (add, review, remove their own mappings) and paste licensed text. The library data itself stays read-only.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
public class CatalogAdministration {

    private static final Set<String> CONFIDENCE = Set.of("LOW", "MEDIUM", "HIGH");
    private final CatalogImporter importer;
    private final Frameworks frameworks;
    private final Requirements requirements;
    private final Crosswalks crosswalks;
    private final CrosswalkEdges edges;
    private final LicensedTexts licensedTexts;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogAdministration(
            CatalogImporter importer,
            Frameworks frameworks,
            Requirements requirements,
            Crosswalks crosswalks,
            CrosswalkEdges edges,
            LicensedTexts licensedTexts,
            FrameworkCatalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.importer = importer;
        this.frameworks = frameworks;
        this.requirements = requirements;
        this.crosswalks = crosswalks;
        this.edges = edges;
        this.licensedTexts = licensedTexts;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reads a custom framework file (JSON or YAML, see docs/custom-frameworks.md) and previews or imports it. Parsing
     * happens behind the permission check, so someone who may not import learns nothing about the file's problems.
     */
    public CatalogDiff importCustomFile(byte[] file, boolean preview) {
        CatalogDocument doc = CustomFrameworkFormat.parse(file);
        return preview ? previewCustom(doc) : importCustom(doc);
    }

    /** What importing this custom framework would add, change and withdraw; nothing is written. */
    @Transactional(readOnly = true)
    public CatalogDiff previewCustom(CatalogDocument doc) {
        guardCustom(doc);
        return importer.diff(doc);
    }

    /** Imports (or upgrades) a custom framework; a bad document is refused whole. */
    public CatalogDiff importCustom(CatalogDocument doc) {
        guardCustom(doc);
        return importer.apply(doc);
    }

    /** Sets (or, with blank text, removes) the organisation's licensed text of a requirement. Never exported. */
    public void pasteLicensedText(long requirementId, String text) {
        requirements
                .findById(requirementId)
                .orElseThrow(() -> new NotFoundException("No requirement " + requirementId));
        var existing = licensedTexts.findById(requirementId);
        if (text == null || text.isBlank()) {
            existing.ifPresent(licensedTexts::delete);
            return;
        }
        if (text.length() > 20_000) {
            throw new DomainRuleException("text", "Licensed text is limited to 20,000 characters.");
        }
        LicensedText t = existing.orElseGet(() -> new LicensedText(requirementId));
        t.paste(text.strip(), Actors.current(), clock.instant());
        licensedTexts.save(t);
    }

    /**
     * Maps a requirement of one framework to one of another. The edge goes into the organisation's crosswalk between
     * the two frameworks (made on first use), so library crosswalks keep their published content.
     */
    public Edge addEdge(
            long sourceRequirementId,
            long targetRequirementId,
            Relationship relationship,
            String confidence,
            String rationale) {
        Requirement source = requirements
                .findById(sourceRequirementId)
                .orElseThrow(() -> new NotFoundException("No requirement " + sourceRequirementId));
        Requirement target = requirements
                .findById(targetRequirementId)
                .orElseThrow(() -> new NotFoundException("No requirement " + targetRequirementId));
        if (source.frameworkId.equals(target.frameworkId)) {
            throw new DomainRuleException("target", "A crosswalk maps between two different frameworks.");
        }
        if (relationship == null) {
            throw new DomainRuleException("relationship", "Choose how the two requirements relate.");
        }
        checkConfidence(confidence);
        Framework from = frameworks.findById(source.frameworkId).orElseThrow();
        Framework to = frameworks.findById(target.frameworkId).orElseThrow();
        String code = "ORG:" + from.code + "_to_" + to.code;
        Crosswalk crosswalk = crosswalks.findByCode(code).orElseGet(() -> {
            Crosswalk c = new Crosswalk(code);
            c.name = "Our mappings: " + from.code + " → " + to.code;
            c.sourceFrameworkId = from.id;
            c.targetFrameworkId = to.id;
            c.description = "Mappings made by the organisation in Aegis.";
            c.contentHash = "organisation";
            return crosswalks.save(c);
        });
        boolean exists = edges.touching(List.of(source.id)).stream()
                .anyMatch(e -> e.sourceRequirementId.equals(source.id) && e.targetRequirementId.equals(target.id));
        if (exists) {
            throw new DomainRuleException("target", source.refId + " is already mapped to " + target.refId + ".");
        }
        CrosswalkEdge e = new CrosswalkEdge(crosswalk.id, source.id, target.id, "ORGANISATION");
        e.relationship = relationship;
        e.mappingSource = "Organisation (" + Actors.current() + ")";
        e.sourceVersion = from.catalogVersion;
        e.targetVersion = to.catalogVersion;
        e.confidence = confidence;
        e.rationale = rationale;
        e.reviewedBy = Actors.current();
        e.reviewedAt = clock.instant();
        e = edges.saveAndFlush(e);
        events.publishEvent(new EdgeAdded(e.id, code, label(from, source), label(to, target), relationship));
        return FrameworkCatalog.edge(e, code, summaries(e));
    }

    /**
     * A reviewer confirms or corrects a mapping: relationship, confidence, note. Clears the review flags. Fails with an
     * edit conflict when someone else changed the edge since {@code expectedVersion} was read.
     */
    public Edge reviewEdge(
            long edgeId, long expectedVersion, Relationship relationship, String confidence, String note) {
        CrosswalkEdge e =
                edges.findById(edgeId).orElseThrow(() -> new NotFoundException("No crosswalk edge " + edgeId));
        if (e.version != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(CrosswalkEdge.class, edgeId);
        }
        if (relationship == null) {
            throw new DomainRuleException("relationship", "Choose how the two requirements relate.");
        }
        checkConfidence(confidence);
        Relationship before = e.relationship;
        e.review(relationship, confidence, note, Actors.current(), clock.instant());
        edges.saveAndFlush(e);
        Crosswalk c = crosswalks.findById(e.crosswalkId).orElseThrow();
        Map<Long, CatalogViews.RequirementSummary> byId = summaries(e);
        events.publishEvent(new EdgeReviewed(
                e.id,
                c.code,
                byId.get(e.sourceRequirementId).label(),
                byId.get(e.targetRequirementId).label(),
                before,
                relationship,
                confidence,
                note));
        return FrameworkCatalog.edge(e, c.code, byId);
    }

    /** Removes a mapping the organisation made; published mappings are reviewed, not removed. */
    public void removeEdge(long edgeId) {
        CrosswalkEdge e =
                edges.findById(edgeId).orElseThrow(() -> new NotFoundException("No crosswalk edge " + edgeId));
        if (!"ORGANISATION".equals(e.origin)) {
            throw new DomainRuleException("A published mapping cannot be removed; review it instead.");
        }
        Crosswalk c = crosswalks.findById(e.crosswalkId).orElseThrow();
        Map<Long, CatalogViews.RequirementSummary> byId = summaries(e);
        edges.delete(e);
        events.publishEvent(new EdgeRemoved(
                edgeId,
                c.code,
                byId.get(e.sourceRequirementId).label(),
                byId.get(e.targetRequirementId).label()));
    }

    private Map<Long, CatalogViews.RequirementSummary> summaries(CrosswalkEdge e) {
        return catalog.summaries(List.of(e.sourceRequirementId, e.targetRequirementId), catalog.frameworkCodes());
    }

    private void guardCustom(CatalogDocument doc) {
        if (!doc.info().custom()) {
            throw new DomainRuleException("Only custom frameworks can be imported here.");
        }
        frameworks.findByCode(doc.info().code()).filter(f -> !f.custom).ifPresent(f -> {
            throw new DomainRuleException(
                    "code", doc.info().code() + " is a framework shipped with Aegis; choose another code.");
        });
    }

    private static void checkConfidence(String confidence) {
        if (confidence == null || !CONFIDENCE.contains(confidence)) {
            throw new DomainRuleException("confidence", "Confidence is LOW, MEDIUM or HIGH.");
        }
    }

    private static String label(Framework f, Requirement r) {
        return f.code + " " + r.refId;
    }
}
