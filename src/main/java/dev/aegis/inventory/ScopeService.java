package dev.aegis.inventory;

import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.InventoryEvents.AiSystemChanged;
import dev.aegis.inventory.InventoryEvents.AiSystemRegistered;
import dev.aegis.inventory.ScopeEvents.ScopeConfirmed;
import dev.aegis.inventory.ScopeEvents.ScopeExcluded;
import dev.aegis.inventory.ScopeEvents.ScopeProposed;
import dev.aegis.inventory.ScopeRules.Applicable;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which framework requirements apply to an AI system. Aegis proposes them from the record ({@link ScopeRules}) when a
 * system is registered or changed, in the same transaction as that change, so record and proposal commit or roll back
 * together; governance officers and administrators confirm or exclude. Officers, administrators and auditors read any
 * system's scope, a system owner reads the scope of their own systems.
 */
@Service
@Transactional
public class ScopeService {

    static final String DECIDERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    private final ScopeEntries entries;
    private final AiSystems systems;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScopeService(
            ScopeEntries entries,
            AiSystems systems,
            FrameworkCatalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.entries = entries;
        this.systems = systems;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** One requirement in a system's scope, for screens and the API. */
    public record Item(
            long requirementId,
            String frameworkCode,
            String refId,
            String title,
            ScopeState state,
            String reason,
            boolean stillApplies,
            String decidedBy,
            Instant decidedAt,
            String exclusionJustification) {

        /** A confirmed requirement that no rule proposes any more: an officer should review it. */
        public boolean needsReview() {
            return state == ScopeState.CONFIRMED && !stillApplies;
        }
    }

    /** What one proposal run did. */
    public record Proposal(int proposed, int dropped, int flagged, int applicable) {}

    /** The scope of a system, by framework and reference id. */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','SYSTEM_OWNER')")
    @Transactional(readOnly = true)
    public List<Item> scope(long systemId) {
        AiSystem system = system(systemId);
        if (!Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR") && !system.isOwnedBy(Actors.current())) {
            throw new AccessDeniedException("A system owner sees the scope of their own systems only.");
        }
        List<ScopeEntry> list = entries.findBySystemId(systemId);
        Map<Long, RequirementSummary> requirements =
                catalog
                        .requirements(
                                list.stream().map(ScopeEntry::getRequirementId).toList())
                        .stream()
                        .collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
        return list.stream()
                .filter(e -> requirements.containsKey(e.getRequirementId()))
                .map(e -> item(e, requirements.get(e.getRequirementId())))
                .sorted(Comparator.comparing(Item::frameworkCode).thenComparing(Item::refId, ScopeService::compareRefs))
                .toList();
    }

    /** A threat (ATLAS technique or OWASP LLM entry) typical for a system of its kind, and why. */
    public record TypicalThreat(RequirementSummary threat, String reason) {}

    /**
     * The ATLAS techniques and OWASP LLM entries typical for the system's kind, read from its record by
     * {@link ScopeRules#THREATS}: OWASP entries first, then ATLAS, each by reference id. Everyone who reads the
     * inventory reads them: they follow from the record, not from a decision.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')")
    @Transactional(readOnly = true)
    public List<TypicalThreat> typicalThreats(long systemId) {
        return ScopeRules.typicalThreats(system(systemId).details(), new CatalogReader()).values().stream()
                .map(a -> new TypicalThreat(a.requirement(), a.reason()))
                .sorted(Comparator.comparing((TypicalThreat t) -> t.threat().frameworkCode())
                        .reversed()
                        .thenComparing(t -> t.threat().refId(), ScopeService::compareRefs))
                .toList();
    }

    /**
     * The ids of the requirements in each system's scope (proposed or confirmed, not excluded), for coverage. Only ids
     * and for every signed-in role: the reasons and decisions stay behind {@link #scope(long)}.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')")
    @Transactional(readOnly = true)
    public Map<Long, Set<Long>> requirementsInScope(Collection<Long> systemIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        for (Long id : systemIds) {
            out.put(
                    id,
                    entries.findBySystemId(id).stream()
                            .filter(e -> e.getState() != ScopeState.EXCLUDED)
                            .map(ScopeEntry::getRequirementId)
                            .collect(Collectors.toSet()));
        }
        return out;
    }

    /** Whether the signed-in user confirms and excludes (for the screens; the methods check again). */
    public boolean mayDecide() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    /** Proposes the scope again on demand, e.g. after the rules or a catalog changed. */
    @PreAuthorize(DECIDERS)
    public Proposal propose(long systemId) {
        return recompute(systemId);
    }

    @EventListener
    void on(AiSystemRegistered event) {
        recompute(event.systemId());
    }

    @EventListener
    void on(AiSystemChanged event) {
        recompute(event.systemId());
    }

    /**
     * New applicable requirements become proposed; proposed ones that no longer apply are dropped; decided ones that
     * no longer apply stay, flagged (a confirmed one then needs review). One audit entry for the run, if it changed
     * anything.
     */
    private Proposal recompute(long systemId) {
        AiSystem system = system(systemId);
        Map<Long, Applicable> applicable =
                new java.util.LinkedHashMap<>(ScopeRules.applicable(system.details(), new CatalogReader()));
        euAiActDuties(system, applicable);
        Map<Long, Applicable> open = new HashMap<>(applicable);
        int dropped = 0;
        int flagged = 0;
        boolean reasonsChanged = false;
        List<ScopeEntry> gone = new ArrayList<>();
        for (ScopeEntry entry : entries.findBySystemId(systemId)) {
            Applicable a = open.remove(entry.getRequirementId());
            if (a != null) {
                reasonsChanged |= !a.reason().equals(entry.getReason()) || !entry.isStillApplies();
                entry.stillApplies(a.reason());
            } else if (entry.getState() == ScopeState.PROPOSED) {
                gone.add(entry);
                dropped++;
            } else if (entry.noLongerApplies() && entry.getState() == ScopeState.CONFIRMED) {
                flagged++;
            }
        }
        entries.deleteAll(gone);
        Instant now = clock.instant();
        entries.saveAll(open.values().stream()
                .map(a -> ScopeEntry.proposed(systemId, a.requirement().id(), a.reason(), now))
                .toList());
        Proposal result = new Proposal(open.size(), dropped, flagged, applicable.size());
        if (result.proposed() + dropped + flagged > 0 || reasonsChanged) {
            events.publishEvent(new ScopeProposed(systemId, result.proposed(), dropped, flagged, applicable.size()));
        }
        return result;
    }

    static final String EU_AI_ACT = "EU-AI-ACT-2024-1689";

    /** The articles the system's EU AI Act classification says apply (set by module euaiact), with its reasons. */
    private void euAiActDuties(AiSystem system, Map<Long, Applicable> applicable) {
        for (String line : system.getEuAiActDuties()) {
            int bar = line.indexOf('|');
            String ref = bar < 0 ? line : line.substring(0, bar);
            String why = bar < 0 ? "" : line.substring(bar + 1);
            catalog.find(EU_AI_ACT, ref.strip())
                    .ifPresent(r -> applicable.merge(
                            r.id(), new Applicable(r, "EU AI Act classification: " + why), Applicable::and));
        }
    }

    /** Confirms these requirements as in scope (proposed ones, or excluded ones taken back). */
    @PreAuthorize(DECIDERS)
    public int confirm(long systemId, Collection<Long> requirementIds) {
        system(systemId);
        Instant now = clock.instant();
        List<Long> confirmed = new ArrayList<>();
        for (Long id : requirementIds) {
            ScopeEntry entry = entry(systemId, id);
            if (entry.confirm(Actors.current(), now)) {
                confirmed.add(id);
            }
        }
        if (!confirmed.isEmpty()) {
            events.publishEvent(new ScopeConfirmed(systemId, refs(confirmed)));
        }
        return confirmed.size();
    }

    /** Confirms every requirement still only proposed. */
    @PreAuthorize(DECIDERS)
    public int confirmAllProposed(long systemId) {
        return confirm(
                systemId,
                entries.findBySystemId(systemId).stream()
                        .filter(e -> e.getState() == ScopeState.PROPOSED)
                        .map(ScopeEntry::getRequirementId)
                        .toList());
    }

    /** Takes a requirement out of the system's scope; the justification is required and kept. */
    @PreAuthorize(DECIDERS)
    public void exclude(long systemId, long requirementId, String justification) {
        system(systemId);
        ScopeEntry entry = entry(systemId, requirementId);
        entry.exclude(justification, Actors.current(), clock.instant());
        events.publishEvent(
                new ScopeExcluded(systemId, refs(List.of(requirementId)).getFirst(), justification.trim()));
    }

    /** The catalog as one proposal run reads it; each framework and each link set is read once per run. */
    private final class CatalogReader implements ScopeRules.Catalog {
        private final Map<String, List<RequirementSummary>> requirements = new HashMap<>();
        private final Map<String, Set<Long>> addressing = new HashMap<>();
        private List<long[]> addresses;

        @Override
        public List<RequirementSummary> requirements(String frameworkCode) {
            return requirements.computeIfAbsent(frameworkCode, code -> {
                try {
                    return catalog.tree(code, false);
                } catch (NotFoundException e) {
                    return List.of(); // a framework not installed proposes nothing
                }
            });
        }

        @Override
        public Set<Long> addressing(String frameworkCode, String refId) {
            return addressing.computeIfAbsent(frameworkCode + "|" + refId, key -> {
                Long target = catalog.find(frameworkCode, refId)
                        .map(RequirementSummary::id)
                        .orElse(null);
                if (target == null) {
                    return Set.of();
                }
                if (addresses == null) {
                    addresses = catalog.links("ADDRESSES");
                }
                return addresses.stream()
                        .filter(l -> l[1] == target)
                        .map(l -> l[0])
                        .collect(Collectors.toSet());
            });
        }
    }

    private List<String> refs(List<Long> ids) {
        Map<Long, RequirementSummary> byId = catalog.requirements(ids).stream()
                .collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
        return ids.stream()
                .map(id -> byId.containsKey(id)
                        ? byId.get(id).frameworkCode() + " " + byId.get(id).refId()
                        : String.valueOf(id))
                .toList();
    }

    private AiSystem system(long id) {
        return systems.findById(id).orElseThrow(() -> new NotFoundException("No AI system " + id));
    }

    private ScopeEntry entry(long systemId, Long requirementId) {
        return entries.findBySystemIdAndRequirementId(systemId, requirementId)
                .orElseThrow(() -> new DomainRuleException(
                        "requirementIds",
                        "Requirement " + requirementId + " is not in the proposed scope of AI system " + systemId
                                + "."));
    }

    private static Item item(ScopeEntry e, RequirementSummary r) {
        return new Item(
                r.id(),
                r.frameworkCode(),
                r.refId(),
                r.title(),
                e.getState(),
                e.getReason(),
                e.isStillApplies(),
                e.getDecidedBy(),
                e.getDecidedAt(),
                e.getExclusionJustification());
    }

    /** "MAP 1.2" before "MAP 1.10", "A.6.2.2" before "A.6.2.10". */
    static int compareRefs(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0))
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
