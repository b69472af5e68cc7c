package dev.aegis.aims.rest;

import dev.aegis.aims.ChangeService;
import dev.aegis.aims.ChangeService.ChangeView;
import dev.aegis.aims.ChangeService.Details;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Planned changes (ISO/IEC 42001 6.3): raised, approved by someone else, then done or cancelled. A change's ETag is its
 * version; every step sends it back in If-Match.
 */
@RestController
@RequestMapping(path = "/api/v1/aims/changes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class ChangeController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ChangeService changes;

    ChangeController(ChangeService changes) {
        this.changes = changes;
    }

    record ChangeRequest(
            @NotBlank(message = "Say what changes.") @Size(max = 200)
            String title,

            @NotBlank(message = "Say why the change is made.") @Size(max = 4000)
            String reason,

            @NotBlank(message = "Describe the impact on the AI systems and the management system.") @Size(max = 4000)
            String impact,

            @NotNull(message = "Give the day the change is planned for.")
            LocalDate plannedOn,

            Set<Long> systems) {
        Details details() {
            return new Details(title, reason, impact, plannedOn, systems);
        }
    }

    record Closing(
            @NotBlank(message = "Say how the change went, or why it is cancelled.") @Size(max = 1000)
            String text) {}

    @GetMapping
    @Operation(summary = "The planned changes, latest planned first")
    List<ChangeView> list() {
        return changes.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise a planned change; its reference (CHG-001) is given")
    ResponseEntity<ChangeView> raise(@Valid @RequestBody ChangeRequest request) {
        ChangeView c = changes.raise(request.details());
        return ResponseEntity.created(URI.create("/api/v1/aims/changes/" + c.id()))
                .eTag(Versions.etag(c.version()))
                .body(c);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One planned change; its ETag is its version")
    ResponseEntity<ChangeView> get(@PathVariable long id) {
        return ok(changes.get(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a change still planned; If-Match carries its ETag")
    ResponseEntity<ChangeView> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ChangeRequest request) {
        return ok(changes.change(id, Versions.fromIfMatch(ifMatch), request.details()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a planned change; 422 for the person who raised it (four eyes)")
    ResponseEntity<ChangeView> approve(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(changes.approve(id, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping(path = "/{id}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an approved change done, with how it went")
    ResponseEntity<ChangeView> done(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Closing request) {
        return ok(changes.done(id, Versions.fromIfMatch(ifMatch), request.text()));
    }

    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a change not yet done, with the reason")
    ResponseEntity<ChangeView> cancel(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Closing request) {
        return ok(changes.cancel(id, Versions.fromIfMatch(ifMatch), request.text()));
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The planned changes as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-changes-" + LocalDate.now() + "." + f.extension() + "\"");
        changes.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<ChangeView> ok(ChangeView c) {
        return ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }
}
