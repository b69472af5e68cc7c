package dev.aegis.inventory.rest;

import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AI system inventory over HTTP. Changes carry the version they were made against in {@code If-Match} (the
 * {@code ETag} of the last read), so a stale copy is refused with 409 instead of overwriting someone else's edit.
 */
@RestController
@RequestMapping(path = "/api/v1/ai-systems", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI systems", description = "The AI system inventory")
class AiSystemController {

    private static final List<String> SORTABLE =
            List.of("name", "lifecycleStage", "euAiActTier", "status", "nextReview", "updatedAt");
    private final AiSystemService service;

    AiSystemController(AiSystemService service) {
        this.service = service;
    }

    record AiSystemResponse(long id, long version, Instant createdAt, Instant updatedAt, AiSystemDetails details) {
        static AiSystemResponse of(AiSystem s) {
            return new AiSystemResponse(s.getId(), s.getVersion(), s.getCreatedAt(), s.getUpdatedAt(), s.details());
        }
    }

    @GetMapping
    @Operation(summary = "AI systems, filtered (text, stage, tier, status, owner), sorted and paged by the database")
    PageResponse<AiSystemResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) EuAiActTier tier,
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @Valid PageParams paging) {
        if (!SORTABLE.contains(sort)) {
            throw new DomainRuleException("sort", "sort is one of " + SORTABLE);
        }
        var order = Sort.by("desc".equalsIgnoreCase(direction) ? Sort.Direction.DESC : Sort.Direction.ASC, sort)
                .and(Sort.by("id"));
        var request = PageRequest.of(paging.number(), paging.count(), order);
        return PageResponse.of(service.search(new AiSystemService.Filter(q, stage, tier, status, owner), request)
                .map(AiSystemResponse::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One AI system; its ETag is the version to send back in If-Match")
    ResponseEntity<AiSystemResponse> get(@PathVariable long id) {
        AiSystem system = service.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(system.getVersion())).body(AiSystemResponse.of(system));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register an AI system (governance officers, administrators); it starts unclassified: "
                    + "euAiActTier UNASSESSED and euAiActRole NONE, anything else is refused with 422 naming the field "
                    + "(the EU AI Act classification sets them)")
    ResponseEntity<AiSystemResponse> register(@Valid @RequestBody AiSystemDetails details) {
        AiSystem system = service.registerNew(details);
        return ResponseEntity.created(URI.create("/api/v1/ai-systems/" + system.getId()))
                .eTag(Versions.etag(system.getVersion()))
                .body(AiSystemResponse.of(system));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an AI system; If-Match carries the version it was read at (409 when stale)")
    ResponseEntity<AiSystemResponse> update(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody AiSystemDetails details) {
        AiSystem system = service.update(id, Versions.fromIfMatch(ifMatch), details);
        return ResponseEntity.ok().eTag(Versions.etag(system.getVersion())).body(AiSystemResponse.of(system));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an AI system (governance officers, administrators); If-Match as for changes")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        service.remove(id, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
