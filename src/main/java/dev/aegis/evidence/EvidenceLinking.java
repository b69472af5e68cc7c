package dev.aegis.evidence;

import dev.aegis.control.ControlService;
import dev.aegis.evidence.EvidenceEvents.EvidenceLinked;
import dev.aegis.evidence.EvidenceService.Links;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * An item's links to controls, requirements and AI systems: made and undone (never deleted, so packs see them as they
 * stood), checked to name existing targets, and who may make them — a system owner only to the systems they own.
 * The evidence services' part for links; the permission checks are theirs.
 */
@Component
class EvidenceLinking {

    private final EvidenceLinks links;
    private final AiSystemService systems;
    private final ControlService controls;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceLinking(
            EvidenceLinks links,
            AiSystemService systems,
            ControlService controls,
            FrameworkCatalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.links = links;
        this.systems = systems;
        this.controls = controls;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** Adds links the item lacks (never undoes one), e.g. a control mapped to one more requirement since. */
    void addLinks(long id, Links more) {
        Links before = currentLinks(id);
        Links union = new Links(
                union(before.controlIds(), more.controlIds()),
                union(before.requirementIds(), more.requirementIds()),
                union(before.systemIds(), more.systemIds()));
        relink(id, union, before, clock.instant());
    }

    boolean relink(long id, Links wanted, Links before, Instant now) {
        validateTargets(wanted, before);
        String actor = Actors.current();
        boolean changed = false;
        List<EvidenceLink> current = links.findByItemIdAndUnlinkedAtIsNull(id);
        for (LinkTarget target : LinkTarget.values()) {
            Set<Long> want = wanted.of(target);
            Set<Long> had = before.of(target);
            Set<Long> added = new TreeSet<>(want);
            added.removeAll(had);
            Set<Long> removed = new TreeSet<>(had);
            removed.removeAll(want);
            if (added.isEmpty() && removed.isEmpty()) {
                continue;
            }
            for (EvidenceLink l : current) {
                if (l.targetType() == target && removed.contains(l.targetId())) {
                    l.undo(actor, now);
                }
            }
            links.flush();
            for (Long t : added) {
                links.save(new EvidenceLink(id, target, t, actor, now));
            }
            links.flush();
            events.publishEvent(new EvidenceLinked(id, target, joined(added), joined(removed)));
            changed = true;
        }
        return changed;
    }

    /** Links made now must name existing controls, requirements and systems (old links may outlive their target). */
    private void validateTargets(Links wanted, Links before) {
        Set<Long> newControls = minus(wanted.controlIds(), before.controlIds());
        if (!newControls.isEmpty() && controls.get(newControls).size() != newControls.size()) {
            throw new DomainRuleException(
                    "controlIds",
                    "No control with id "
                            + missing(
                                    newControls,
                                    controls.get(newControls).stream()
                                            .map(c -> c.getId())
                                            .collect(Collectors.toSet()))
                            + ".");
        }
        Set<Long> newRequirements = minus(wanted.requirementIds(), before.requirementIds());
        if (!newRequirements.isEmpty()) {
            Set<Long> found = catalog.requirements(newRequirements).stream()
                    .map(r -> r.id())
                    .collect(Collectors.toSet());
            if (found.size() != newRequirements.size()) {
                throw new DomainRuleException(
                        "requirementIds", "No framework requirement with id " + missing(newRequirements, found) + ".");
            }
        }
        Set<Long> newSystems = minus(wanted.systemIds(), before.systemIds());
        if (!newSystems.isEmpty()) {
            Set<Long> found = systems.names(newSystems).keySet();
            if (found.size() != newSystems.size()) {
                throw new DomainRuleException("systemIds", "No AI system with id " + missing(newSystems, found) + ".");
            }
        }
    }

    void requireMayChange(Links before) {
        if (EvidenceService.manages()) {
            return;
        }
        if (before.systemIds().stream().noneMatch(this::ownsSystem)) {
            throw new AccessDeniedException("A system owner changes only evidence of the AI systems they own.");
        }
    }

    /** A system owner makes or undoes links only to systems they own; new evidence must serve one of them. */
    void requireMayLink(Set<Long> before, Set<Long> after, boolean creating) {
        if (EvidenceService.manages()) {
            return;
        }
        if (creating && after.isEmpty()) {
            throw new AccessDeniedException(
                    "A system owner adds evidence for one of the AI systems they own: link it to one.");
        }
        Set<Long> changed = new HashSet<>(minus(after, before));
        changed.addAll(minus(before, after));
        for (Long system : changed) {
            if (!ownsSystem(system)) {
                throw new AccessDeniedException("A system owner links evidence only to AI systems they own.");
            }
        }
    }

    boolean ownsSystem(long systemId) {
        try {
            return systems.get(systemId).isOwnedBy(Actors.current());
        } catch (NotFoundException e) {
            return false;
        }
    }

    Links currentLinks(long id) {
        Map<LinkTarget, Set<Long>> byTarget = new EnumMap<>(LinkTarget.class);
        for (EvidenceLink l : links.findByItemIdAndUnlinkedAtIsNull(id)) {
            byTarget.computeIfAbsent(l.targetType(), k -> new TreeSet<>()).add(l.targetId());
        }
        return new Links(
                byTarget.get(LinkTarget.CONTROL),
                byTarget.get(LinkTarget.REQUIREMENT),
                byTarget.get(LinkTarget.SYSTEM));
    }

    /** The current links of many items at once (for grids and exports). */
    Map<Long, Links> currentLinks(Collection<Long> ids) {
        Map<Long, Map<LinkTarget, Set<Long>>> all = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            for (EvidenceLink l : links.findByItemIdInAndUnlinkedAtIsNull(ids)) {
                all.computeIfAbsent(l.itemId(), k -> new EnumMap<>(LinkTarget.class))
                        .computeIfAbsent(l.targetType(), k -> new TreeSet<>())
                        .add(l.targetId());
            }
        }
        Map<Long, Links> result = new HashMap<>();
        for (Long id : ids) {
            Map<LinkTarget, Set<Long>> m = all.getOrDefault(id, Map.of());
            result.put(
                    id, new Links(m.get(LinkTarget.CONTROL), m.get(LinkTarget.REQUIREMENT), m.get(LinkTarget.SYSTEM)));
        }
        return result;
    }

    private static Set<Long> minus(Set<Long> a, Set<Long> b) {
        Set<Long> r = new TreeSet<>(a);
        r.removeAll(b);
        return r;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> r = new TreeSet<>(a);
        r.addAll(b);
        return r;
    }

    private static String missing(Set<Long> wanted, Set<Long> found) {
        return joined(minus(wanted, found));
    }

    static String joined(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
