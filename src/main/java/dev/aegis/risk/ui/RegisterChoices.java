package dev.aegis.risk.ui;

import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.RequirementKind;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.ui.RiskForm.SystemRef;
import dev.aegis.shared.UserDirectory;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * What the risk screens' pickers offer, read from the inventory and the catalogs page by page. The pickers ask in pages
 * of a fixed size, so an offset is always a multiple of the limit.
 */
record RegisterChoices(AiSystemService systems, FrameworkCatalog catalog, UserDirectory directory)
        implements RiskForm.Choices {

    @Override
    public java.util.List<UserDirectory.Person> people() {
        return directory.people();
    }

    static final String ATLAS = "MITRE-ATLAS";
    static final String OWASP_LLM = "OWASP-LLM-TOP10-2025";

    @Override
    public Stream<SystemRef> systems(String filter, int offset, int limit) {
        return systems
                .search(
                        new AiSystemService.Filter(filter, null, null, null, null),
                        PageRequest.of(offset / limit, limit, Sort.by("name")))
                .stream()
                .map(s -> new SystemRef(s.getId(), s.getName()));
    }

    /** OWASP LLM entries, then ATLAS techniques and sub-techniques, whose id or text matches. */
    @Override
    public Stream<RequirementSummary> threats(String filter, int offset, int limit) {
        List<RequirementSummary> owasp = catalog.search(OWASP_LLM, filter, RequirementKind.RISK, PageRequest.of(0, 50))
                .getContent();
        List<RequirementSummary> atlas = catalog.search(ATLAS, filter, null, PageRequest.of(0, 500)).stream()
                .filter(r -> r.kind() == RequirementKind.TECHNIQUE || r.kind() == RequirementKind.SUB_TECHNIQUE)
                .toList();
        return Stream.concat(owasp.stream(), atlas.stream()).skip(offset).limit(limit);
    }

    @Override
    public Stream<RequirementSummary> requirements(String filter, int offset, int limit) {
        return catalog.search(null, filter, null, PageRequest.of(offset / limit, limit)).stream();
    }

    @Override
    public List<SystemRef> systemsById(Collection<Long> ids) {
        return ids.stream()
                .map(id -> {
                    try {
                        return new SystemRef(id, systems.get(id).getName());
                    } catch (dev.aegis.shared.NotFoundException e) {
                        return new SystemRef(id, "AI system " + id + " (removed)");
                    }
                })
                .toList();
    }

    @Override
    public List<RequirementSummary> requirementsById(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : catalog.requirements(ids);
    }
}
