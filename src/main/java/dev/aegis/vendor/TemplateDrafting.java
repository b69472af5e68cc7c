package dev.aegis.vendor;

import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.RequirementRef;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the structured template editor needs besides {@link TemplateService}: the catalog requirements to pick from,
 * and every problem of a draft at once (the questionnaire's own rules and unknown requirements), so the editor can
 * show each next to its field before anything is saved.
 */
@Service
@Transactional(readOnly = true)
public class TemplateDrafting {

    private final FrameworkCatalog catalog;

    TemplateDrafting(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    /** Catalog requirements whose reference id, title or text contains the query. */
    @PreAuthorize(VendorService.WRITERS)
    public Page<RequirementSummary> requirements(String query, Pageable page) {
        return catalog.search(null, query, null, page);
    }

    /** The requirement a reference names, if the catalog has it. */
    @PreAuthorize(VendorService.WRITERS)
    public java.util.Optional<RequirementSummary> requirement(RequirementRef ref) {
        return catalog.find(ref.framework(), ref.ref());
    }

    /** Every problem of the draft, each naming its question or section ("question q1: needs its text"). */
    @PreAuthorize(VendorService.WRITERS)
    public List<String> problems(Questionnaire draft) {
        List<String> problems = new ArrayList<>(draft.problems());
        for (Question q : draft.questions()) {
            for (RequirementRef ref : q.requirements()) {
                if (ref.framework() == null
                        || ref.ref() == null
                        || catalog.find(ref.framework(), ref.ref()).isEmpty()) {
                    problems.add("question " + q.id() + ": no requirement " + ref);
                }
            }
        }
        return problems;
    }
}
