package dev.aegis.framework.rest;

import dev.aegis.framework.CatalogAdministration;
import dev.aegis.framework.CatalogDiff;
import dev.aegis.framework.CatalogViews.CatalogLink;
import dev.aegis.framework.CatalogViews.CrosswalkSummary;
import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.Mapping;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.Relationship;
import dev.aegis.framework.RequirementKind;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Frameworks", description = "Framework catalogs, requirements and crosswalks")
class FrameworkController {

    private final FrameworkCatalog catalog;
    private final CatalogAdministration administration;

    FrameworkController(FrameworkCatalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    /** A requirement with its mappings; the organisation's licensed text is deliberately absent (it never leaves Aegis). */
    record RequirementResponse(
            RequirementSummary requirement,
            String text,
            String addedIn,
            String changedIn,
            String withdrawnIn,
            List<Mapping> mappings,
            List<CatalogLink> links) {}

    record NewMapping(
            @NotNull Long sourceRequirementId,
            @NotNull Long targetRequirementId,
            @NotNull Relationship relationship,
            @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH") String confidence,
            @Size(max = 2000) String rationale) {}

    record Review(
            @NotNull @PositiveOrZero Long version,
            @NotNull Relationship relationship,
            @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH") String confidence,
            @Size(max = 2000) String note) {}

    @GetMapping("/frameworks")
    @Operation(summary = "All frameworks: bundled catalogs and custom frameworks")
    List<FrameworkSummary> frameworks() {
        return catalog.frameworks();
    }

    @GetMapping("/frameworks/{code}")
    @Operation(summary = "One framework")
    FrameworkSummary framework(@PathVariable String code) {
        return catalog.framework(code);
    }

    @GetMapping("/frameworks/{code}/requirements")
    @Operation(summary = "Requirements of one framework, in tree order, searchable by id or text (q) and kind")
    PageResponse<RequirementSummary> requirements(
            @PathVariable String code,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) RequirementKind kind,
            @Valid PageParams paging) {
        catalog.framework(code);
        return PageResponse.of(catalog.search(code, q, kind, paging.request()));
    }

    @GetMapping("/requirements")
    @Operation(summary = "Search requirements across frameworks by id or text (q), kind and framework")
    PageResponse<RequirementSummary> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) RequirementKind kind,
            @RequestParam(required = false) String framework,
            @Valid PageParams paging) {
        return PageResponse.of(catalog.search(framework, q, kind, paging.request()));
    }

    @GetMapping("/requirements/{id}")
    @Operation(
            summary = "One requirement with its full text, its mappings through the crosswalks and its catalog links")
    RequirementResponse requirement(@PathVariable long id) {
        var d = catalog.requirement(id);
        return new RequirementResponse(
                d.requirement(), d.text(), d.addedIn(), d.changedIn(), d.withdrawnIn(), d.mappings(), d.links());
    }

    @GetMapping("/crosswalks")
    @Operation(summary = "All crosswalks, with edge counts and how many need review")
    List<CrosswalkSummary> crosswalks() {
        return catalog.crosswalks();
    }

    @GetMapping("/crosswalks/{code}/edges")
    @Operation(summary = "Edges of one crosswalk, filterable by relationship and review flag")
    PageResponse<Edge> edges(
            @PathVariable String code,
            @RequestParam(required = false) Relationship relationship,
            @RequestParam(required = false) Boolean needsReview,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = PageResponse.PAGE_RULE) int page,
            @RequestParam(defaultValue = "100")
                    @Min(value = 1, message = PageResponse.SIZE_RULE)
                    @Max(value = PageResponse.MAX_SIZE, message = PageResponse.SIZE_RULE)
                    int size) {
        List<Edge> all = catalog.edges(code).stream()
                .filter(e -> relationship == null || e.relationship() == relationship)
                .filter(e -> needsReview == null || (e.needsReview() || e.catalogChanged()) == needsReview)
                .toList();
        PageRequest request = pageRequest(page, size);
        int from = (int) Math.min(request.getOffset(), all.size());
        int to = Math.min(from + request.getPageSize(), all.size());
        return PageResponse.of(new PageImpl<>(all.subList(from, to), request, all.size()));
    }

    @PostMapping("/crosswalks/edges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Map a requirement to one of another framework (officers); goes into the organisation's crosswalk")
    Edge addEdge(@Valid @RequestBody NewMapping body) {
        return administration.addEdge(
                body.sourceRequirementId(),
                body.targetRequirementId(),
                body.relationship(),
                body.confidence(),
                body.rationale());
    }

    @PutMapping("/crosswalks/edges/{id}/review")
    @Operation(summary = "Confirm or correct a mapping (officers); 409 when it changed since the given version")
    Edge review(@PathVariable long id, @Valid @RequestBody Review body) {
        return administration.reviewEdge(id, body.version(), body.relationship(), body.confidence(), body.note());
    }

    @DeleteMapping("/crosswalks/edges/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a mapping the organisation made (officers)")
    void removeEdge(@PathVariable long id) {
        administration.removeEdge(id);
    }

    @PostMapping(
            path = "/frameworks/import",
            consumes = {
                MediaType.APPLICATION_JSON_VALUE,
                "application/yaml",
                "application/x-yaml",
                "text/yaml",
                MediaType.TEXT_PLAIN_VALUE
            })
    @Operation(
            summary = "Import a custom framework from JSON or YAML (docs/custom-frameworks.md); preview=true only "
                    + "answers what would change. A file with any problem is refused whole, naming line and field.")
    CatalogDiff importCustom(@RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean preview) {
        return administration.importCustomFile(file, preview);
    }

    private static PageRequest pageRequest(int page, int size) {
        return PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), PageResponse.MAX_SIZE));
    }
}
