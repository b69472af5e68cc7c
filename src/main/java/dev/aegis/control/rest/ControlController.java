package dev.aegis.control.rest;

import dev.aegis.control.Control;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlService.Applied;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.StarterLibrary.StarterControl;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The control library over HTTP, with the same roles as the screens. Changes carry the version they were made against
 * in {@code If-Match} (the {@code ETag} of the last read); a stale copy is refused with 409.
 */
@RestController
@RequestMapping(path = "/api/v1/controls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Controls", description = "The control library, the starter library and controls applied to AI systems")
class ControlController {

    private static final Map<String, String> SORTABLE = Map.of(
            "title",
            "title",
            "status",
            "status",
            "type",
            "type",
            "updatedAt",
            "updatedAt",
            "owner",
            "owner",
            "lastTestedOn",
            "lastTestedOn");
    private final ControlService service;

    ControlController(ControlService service) {
        this.service = service;
    }

    record ControlResponse(
            long id,
            long version,
            String starterId,
            String stage,
            ControlDetails details,
            Instant createdAt,
            Instant updatedAt) {
        static ControlResponse of(Control c) {
            return new ControlResponse(
                    c.getId(),
                    c.getVersion(),
                    c.getStarterId(),
                    c.getStage(),
                    c.details(),
                    c.getCreatedAt(),
                    c.getUpdatedAt());
        }
    }

    record StarterResponse(StarterControl control, Long adoptedAs) {}

    record AdoptRequest(
            @NotEmpty(message = "Name the starter controls to adopt.")
            List<String> starterIds) {}

    record ApplyRequest(
            @NotEmpty(message = "Choose at least one AI system.")
            Set<Long> systemIds,

            ImplementationStatus status) {}

    record StatusRequest(
            @NotNull(message = "Choose the status.") ImplementationStatus status,
            @Size(max = 4000) String note) {}

    record MapRequest(@NotNull Long requirementId, MappingStrength strength) {}

    @GetMapping
    @Operation(
            summary = "Controls, filtered (text, status, type, applied to system, mapped to requirement, mitigating "
                    + "risk), sorted (title, status, type, owner, lastTestedOn, updatedAt) and paged by the database")
    PageResponse<ControlResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ImplementationStatus status,
            @RequestParam(required = false) ControlType type,
            @RequestParam(required = false) Long system,
            @RequestParam(required = false) Long requirement,
            @RequestParam(required = false) Long risk,
            @RequestParam(defaultValue = "title") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @Valid PageParams paging) {
        String property = SORTABLE.get(sort);
        if (property == null) {
            throw new DomainRuleException("sort", "sort is one of " + SORTABLE.keySet());
        }
        var dir = "desc".equalsIgnoreCase(direction) ? Sort.Direction.DESC : Sort.Direction.ASC;
        var request = PageRequest.of(
                paging.number(),
                paging.count(),
                Sort.by(new Sort.Order(dir, property).nullsLast()).and(Sort.by("id")));
        var filter = new ControlService.Filter(q, status, type, system, requirement, risk);
        return PageResponse.of(service.search(filter, request).map(ControlResponse::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One control; its ETag is the version to send back in If-Match")
    ResponseEntity<ControlResponse> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a control to the library (governance officers, administrators)")
    ResponseEntity<ControlResponse> create(@Valid @RequestBody ControlDetails details) {
        Control c = service.create(details);
        return ResponseEntity.created(URI.create("/api/v1/controls/" + c.getId()))
                .eTag(Versions.etag(c.getVersion()))
                .body(ControlResponse.of(c));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a control; If-Match carries the version it was read at (409 when stale)")
    ResponseEntity<ControlResponse> update(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ControlDetails details) {
        return ok(service.update(id, Versions.fromIfMatch(ifMatch), details));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a control with its mappings and applications; If-Match carries its version")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        service.remove(id, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/requirements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Map the control to one more requirement (FULL unless told PARTIAL), e.g. to close a gap")
    ResponseEntity<ControlResponse> map(@PathVariable long id, @Valid @RequestBody MapRequest request) {
        return ok(service.map(
                id, request.requirementId(), request.strength() == null ? MappingStrength.FULL : request.strength()));
    }

    @GetMapping("/starter")
    @Operation(summary = "The bundled starter library, each entry with the library control adopted from it, if any")
    List<StarterResponse> starter() {
        return service.starterLibrary().stream()
                .map(e -> new StarterResponse(e.control(), e.adoptedAs()))
                .toList();
    }

    @PostMapping(path = "/starter/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Adopt starter controls into the library as planned controls; already adopted ones are skipped")
    List<ControlResponse> adopt(@Valid @RequestBody AdoptRequest request) {
        return service.adopt(request.starterIds()).stream()
                .map(ControlResponse::of)
                .toList();
    }

    @GetMapping("/{id}/applications")
    @Operation(summary = "The AI systems the control is applied to, with its status on each")
    List<Applied> applications(@PathVariable long id) {
        return service.applicationsOf(id);
    }

    @PostMapping(path = "/{id}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply the control to AI systems (status defaults to the library's)")
    List<Applied> apply(@PathVariable long id, @Valid @RequestBody ApplyRequest request) {
        return service.apply(id, request.systemIds(), request.status());
    }

    @PutMapping(path = "/{id}/applications/{systemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the control's status on one AI system (officers, administrators, the system's owners);"
                    + " If-Match carries the application's version")
    ResponseEntity<Applied> recordStatus(
            @PathVariable long id,
            @PathVariable long systemId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody StatusRequest request) {
        Applied a = service.recordStatus(id, systemId, Versions.fromIfMatch(ifMatch), request.status(), request.note());
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(a);
    }

    @DeleteMapping("/{id}/applications/{systemId}")
    @Operation(summary = "Take the control off an AI system")
    ResponseEntity<Void> unapply(@PathVariable long id, @PathVariable long systemId) {
        service.unapply(id, systemId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/applied/{systemId}")
    @Operation(summary = "The controls applied to one AI system, with their status there")
    List<Applied> appliedTo(@PathVariable long systemId) {
        return service.appliedTo(systemId);
    }

    private static ResponseEntity<ControlResponse> ok(Control c) {
        return ResponseEntity.ok().eTag(Versions.etag(c.getVersion())).body(ControlResponse.of(c));
    }
}
