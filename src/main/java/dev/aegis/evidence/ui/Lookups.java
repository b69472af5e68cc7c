package dev.aegis.evidence.ui;

import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import dev.aegis.control.ControlService;
import dev.aegis.evidence.EvidenceService.Links;
import dev.aegis.evidence.ui.EvidenceForm.Ref;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.UserDirectory;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The names of the controls, requirements and AI systems evidence links to, for pickers and lists. */
@Component
class Lookups {

    private final ControlService controls;
    private final FrameworkCatalog catalog;
    private final AiSystemService systems;
    private final UserDirectory people;

    Lookups(ControlService controls, FrameworkCatalog catalog, AiSystemService systems, UserDirectory people) {
        this.people = people;
        this.controls = controls;
        this.catalog = catalog;
        this.systems = systems;
    }

    /** The people an item's owner is chosen from. */
    UserDirectory people() {
        return people;
    }

    FetchCallback<Ref, String> controlSearch() {
        return q -> controls
                .search(
                        new ControlService.Filter(q.getFilter().orElse(""), null, null, null, null, null),
                        PageRequest.of(q.getPage(), q.getPageSize(), org.springframework.data.domain.Sort.by("title")))
                .stream()
                .map(c -> new Ref(c.getId(), c.getTitle()));
    }

    FetchCallback<Ref, String> requirementSearch() {
        return q ->
                catalog
                        .search(null, q.getFilter().orElse(""), null, PageRequest.of(q.getPage(), q.getPageSize()))
                        .stream()
                        .map(r -> new Ref(r.id(), r.frameworkCode() + " · " + r.label()));
    }

    FetchCallback<Ref, String> systemSearch() {
        return q -> systems
                .search(
                        new AiSystemService.Filter(q.getFilter().orElse(""), null, null, null, null),
                        PageRequest.of(q.getPage(), q.getPageSize(), org.springframework.data.domain.Sort.by("name")))
                .stream()
                .map(s -> new Ref(s.getId(), s.getName()));
    }

    Set<Ref> controls(Collection<Long> ids) {
        return ids.isEmpty()
                ? Set.of()
                : controls.get(ids).stream()
                        .map(c -> new Ref(c.getId(), c.getTitle()))
                        .collect(Collectors.toSet());
    }

    Set<Ref> requirements(Collection<Long> ids) {
        return ids.isEmpty()
                ? Set.of()
                : catalog.requirements(ids).stream()
                        .map(r -> new Ref(r.id(), r.frameworkCode() + " · " + r.label()))
                        .collect(Collectors.toSet());
    }

    Set<Ref> systems(Collection<Long> ids) {
        return ids.isEmpty()
                ? Set.of()
                : systems.names(ids).entrySet().stream()
                        .map(e -> new Ref(e.getKey(), e.getValue()))
                        .collect(Collectors.toSet());
    }

    /** What the links name, as one line. */
    String describe(Links links) {
        String controlNames =
                controls(links.controlIds()).stream().map(Ref::label).sorted().collect(Collectors.joining(", "));
        String systemNames =
                systems(links.systemIds()).stream().map(Ref::label).sorted().collect(Collectors.joining(", "));
        return (controlNames.isEmpty() ? "no control" : controlNames) + " · "
                + (systemNames.isEmpty() ? "every AI system" : systemNames);
    }
}
