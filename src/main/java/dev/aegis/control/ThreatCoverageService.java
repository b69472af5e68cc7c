package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.CoverageArithmetic.Link;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.RequirementKind;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.ScopeService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threat coverage of an AI system: the ATLAS techniques and OWASP LLM entries that apply to it, the ATLAS mitigations
 * that address them, and whether controls applied to the system carry those mitigations (a control carries a mitigation
 * when it is mapped to it).
 *
 * <p>What applies: the OWASP LLM entries in the system's scope (the inventory proposes them for generative systems);
 * the ATLAS techniques those entries reach through the OWASP → ATLAS crosswalk; the techniques the system's risks name
 * as their threat; and every top-level ATLAS technique for any AI system, except the LLM-specific ones (prompt
 * injection, jailbreak, RAG and agent techniques), which apply to generative systems only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(ControlService.READERS)
public class ThreatCoverageService {

    static final String ATLAS = "MITRE-ATLAS";
    static final String OWASP = "OWASP-LLM-TOP10-2025";
    private static final Pattern LLM_SPECIFIC =
            Pattern.compile("\\b(LLM|Prompt|RAG|Agent|Jailbreak)", Pattern.CASE_INSENSITIVE);

    private final JdbcTemplate jdbc;
    private final FrameworkCatalog catalog;
    private final AiSystemService systems;
    private final ScopeService scope;
    private final RiskService risks;
    private final CrosswalkLinks crosswalks;

    ThreatCoverageService(
            JdbcTemplate jdbc,
            FrameworkCatalog catalog,
            AiSystemService systems,
            ScopeService scope,
            RiskService risks,
            CrosswalkLinks crosswalks) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.systems = systems;
        this.scope = scope;
        this.risks = risks;
        this.crosswalks = crosswalks;
    }

    public enum ThreatStatus {
        /** An implemented control applied to the system carries a mitigation of it. */
        MITIGATED,
        /** A control carrying a mitigation is applied but only planned or in progress. */
        IN_PROGRESS,
        /** ATLAS names mitigations, but no control applied to the system carries one. */
        UNMITIGATED,
        /** ATLAS names no mitigation for it. */
        NO_KNOWN_MITIGATION
    }

    /** A control applied to the system that carries a mitigation (or, for an OWASP entry, is mapped to it). */
    public record Carrier(long controlId, String title, ImplementationStatus status, String carries) {}

    /** One applicable threat, why it applies, what addresses it and whether our controls do. */
    public record Threat(
            RequirementSummary threat,
            List<String> reasons,
            List<RequirementSummary> techniques,
            List<RequirementSummary> mitigations,
            List<Carrier> carriers,
            ThreatStatus status) {}

    public record ThreatCoverage(long systemId, String systemName, List<Threat> owasp, List<Threat> atlas) {
        public long count(ThreatStatus status) {
            return atlas.stream().filter(t -> t.status() == status).count()
                    + owasp.stream().filter(t -> t.status() == status).count();
        }
    }

    public ThreatCoverage of(long systemId) {
        AiSystem system = systems.get(systemId);
        boolean generative = system.getModelType() == ModelType.GENERATIVE_LLM;
        Set<Long> inScope = scope.requirementsInScope(List.of(systemId)).get(systemId);
        List<RequirementSummary> owaspEntries = tree(OWASP).stream()
                .filter(r -> r.assessable() && inScope.contains(r.id()))
                .toList();
        List<RequirementSummary> techniques = tree(ATLAS).stream()
                .filter(r -> r.kind() == RequirementKind.TECHNIQUE || r.kind() == RequirementKind.SUB_TECHNIQUE)
                .toList();
        Map<Long, RequirementSummary> byId = new HashMap<>();
        techniques.forEach(t -> byId.put(t.id(), t));
        tree(ATLAS).stream().filter(r -> r.kind() == RequirementKind.MITIGATION).forEach(m -> byId.put(m.id(), m));

        // why each technique applies
        Map<Long, Set<String>> reasons = new LinkedHashMap<>();
        Map<Long, List<RequirementSummary>> techniquesOfEntry = new HashMap<>();
        Set<Long> owaspIds = owaspEntries.stream().map(RequirementSummary::id).collect(Collectors.toSet());
        Map<Long, RequirementSummary> owaspById =
                owaspEntries.stream().collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
        for (Link l : crosswalks.get().links()) {
            long entry = owaspIds.contains(l.source()) ? l.source() : owaspIds.contains(l.target()) ? l.target() : -1;
            long technique = entry == l.source() ? l.target() : l.source();
            if (entry >= 0 && byId.containsKey(technique)) {
                reasons.computeIfAbsent(technique, k -> new LinkedHashSet<>())
                        .add("OWASP " + owaspById.get(entry).refId() + " (crosswalk)");
                techniquesOfEntry.computeIfAbsent(entry, k -> new ArrayList<>()).add(byId.get(technique));
            }
        }
        for (Risk risk : risks.search(
                        new RiskService.Filter(null, null, null, null, null, null, systemId), PageRequest.of(0, 500))
                .getContent()) {
            for (Long threat : risk.getThreats()) {
                if (byId.containsKey(threat) && byId.get(threat).kind() != RequirementKind.MITIGATION) {
                    reasons.computeIfAbsent(threat, k -> new LinkedHashSet<>()).add("Risk: " + risk.getTitle());
                }
            }
        }
        String kind = generative ? "generative" : "machine-learning";
        for (RequirementSummary t : techniques) {
            if (t.kind() == RequirementKind.TECHNIQUE
                    && (generative || !LLM_SPECIFIC.matcher(t.title()).find())) {
                reasons.computeIfAbsent(t.id(), k -> new LinkedHashSet<>()).add("Any " + kind + " AI system");
            }
        }

        // mitigations addressing each technique, and the controls on this system carrying them
        Map<Long, List<Long>> mitigationsOf = new HashMap<>();
        for (long[] pair : catalog.links("ADDRESSES")) {
            if (byId.containsKey(pair[0]) && byId.get(pair[0]).kind() == RequirementKind.MITIGATION) {
                List<Long> list = mitigationsOf.computeIfAbsent(pair[1], k -> new ArrayList<>());
                if (!list.contains(pair[0])) {
                    list.add(pair[0]);
                }
            }
        }
        Set<Long> wanted = new LinkedHashSet<>();
        mitigationsOf.values().forEach(wanted::addAll);
        wanted.addAll(owaspIds);
        Map<Long, List<Carrier>> carriers = carriers(systemId, wanted, byId, owaspById);

        List<Threat> atlas = new ArrayList<>();
        reasons.forEach((id, why) -> {
            List<RequirementSummary> mitigations = mitigationsOf.getOrDefault(id, List.of()).stream()
                    .map(byId::get)
                    .toList();
            List<Carrier> carrying = mitigations.stream()
                    .flatMap(m -> carriers.getOrDefault(m.id(), List.of()).stream())
                    .toList();
            atlas.add(new Threat(
                    byId.get(id),
                    List.copyOf(why),
                    List.of(),
                    mitigations,
                    carrying,
                    status(mitigations.isEmpty(), carrying)));
        });
        atlas.sort((a, b) -> a.threat().refId().compareTo(b.threat().refId()));
        Map<Long, Threat> atlasById =
                atlas.stream().collect(Collectors.toMap(t -> t.threat().id(), t -> t));
        List<Threat> owasp = new ArrayList<>();
        for (RequirementSummary entry : owaspEntries) {
            List<RequirementSummary> linked = techniquesOfEntry.getOrDefault(entry.id(), List.of());
            List<Carrier> carrying = new ArrayList<>(carriers.getOrDefault(entry.id(), List.of()));
            Set<Long> mitigationIds = new LinkedHashSet<>();
            for (RequirementSummary t : linked) {
                Threat th = atlasById.get(t.id());
                if (th != null) {
                    carrying.addAll(th.carriers());
                    th.mitigations().forEach(m -> mitigationIds.add(m.id()));
                }
            }
            List<RequirementSummary> mitigations =
                    mitigationIds.stream().map(byId::get).toList();
            owasp.add(new Threat(
                    entry,
                    List.of("In the system's scope"),
                    linked,
                    mitigations,
                    distinct(carrying),
                    status(
                            mitigations.isEmpty()
                                    && carriers.getOrDefault(entry.id(), List.of())
                                            .isEmpty(),
                            carrying)));
        }
        return new ThreatCoverage(systemId, system.getName(), owasp, atlas);
    }

    private static ThreatStatus status(boolean nothingKnown, List<Carrier> carrying) {
        if (carrying.stream().anyMatch(c -> c.status() == ImplementationStatus.IMPLEMENTED)) {
            return ThreatStatus.MITIGATED;
        }
        if (!carrying.isEmpty()) {
            return ThreatStatus.IN_PROGRESS;
        }
        return nothingKnown ? ThreatStatus.NO_KNOWN_MITIGATION : ThreatStatus.UNMITIGATED;
    }

    private static List<Carrier> distinct(List<Carrier> carriers) {
        Map<String, Carrier> out = new LinkedHashMap<>();
        carriers.forEach(c -> out.putIfAbsent(c.controlId() + "|" + c.carries(), c));
        return List.copyOf(out.values());
    }

    /** Controls applied to the system (not marked not applicable) mapped to any of these requirements. */
    private Map<Long, List<Carrier>> carriers(
            long systemId,
            Collection<Long> requirementIds,
            Map<Long, RequirementSummary> byId,
            Map<Long, RequirementSummary> owasp) {
        Map<Long, List<Carrier>> out = new HashMap<>();
        if (requirementIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                """
                select cr.requirement_id, c.id, c.title, a.status
                from control.control_application a
                join control.control c on c.id = a.control_id
                join control.control_requirement cr on cr.control_id = a.control_id
                where a.ai_system_id = ? and cr.requirement_id = any(?)
                  and a.status <> 'NOT_APPLICABLE' and c.status <> 'NOT_APPLICABLE'
                order by c.title""",
                rs -> {
                    long req = rs.getLong(1);
                    RequirementSummary r = byId.containsKey(req) ? byId.get(req) : owasp.get(req);
                    out.computeIfAbsent(req, k -> new ArrayList<>())
                            .add(new Carrier(
                                    rs.getLong(2),
                                    rs.getString(3),
                                    ImplementationStatus.valueOf(rs.getString(4)),
                                    r == null ? "" : r.refId()));
                },
                systemId,
                requirementIds.toArray(Long[]::new));
        return out;
    }

    private List<RequirementSummary> tree(String code) {
        try {
            return catalog.tree(code, false);
        } catch (dev.aegis.shared.NotFoundException e) {
            return List.of();
        }
    }
}
