package dev.aegis.aims.rest;

import dev.aegis.aims.ObjectiveService;
import dev.aegis.aims.ObjectiveService.Details;
import dev.aegis.aims.ObjectiveService.ObjectiveView;
import dev.aegis.aims.ObjectiveService.Value;
import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
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
import java.util.Map;
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
 * AI objectives (ISO/IEC 42001 6.2) with their indicators, targets and owners, and the indicators' values over time.
 * An objective's ETag is its version; changes and retirement send it back in If-Match.
 */
@RestController
@RequestMapping(path = "/api/v1/aims/objectives", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class ObjectiveController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ObjectiveService objectives;

    ObjectiveController(ObjectiveService objectives) {
        this.objectives = objectives;
    }

    record ObjectiveRequest(
            @NotBlank(message = "Say what the objective is.") @Size(max = 200)
            String title,

            @Size(max = 4000) String description,

            @NotBlank(message = "Choose who owns the objective.") @Size(max = 100)
            String owner,

            @NotNull(message = "Choose how the objective is measured.")
            Indicator indicator,

            @Size(max = 40) String unit,
            Direction direction,

            @NotNull(message = "Give the target the indicator should reach.")
            Double target,

            LocalDate dueOn) {
        Details details() {
            return new Details(title, description, owner, indicator, unit, direction, target, dueOn);
        }
    }

    record Retirement(
            @NotBlank(message = "Say why the objective is retired.") @Size(max = 500)
            String reason) {}

    record ManualValue(
            @NotNull(message = "Enter the value measured.") Double value,
            LocalDate measuredOn,
            @Size(max = 500) String note) {}

    /** One objective with its indicator's values, oldest first. */
    record ObjectiveWithHistory(ObjectiveView objective, List<Value> values) {}

    @GetMapping
    @Operation(summary = "The AI objectives (ISO/IEC 42001 6.2), in force first, each with its newest value")
    List<ObjectiveView> list() {
        return objectives.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set an objective with its indicator, target and owner; its reference (OBJ-001) is given")
    ResponseEntity<ObjectiveView> set(@Valid @RequestBody ObjectiveRequest request) {
        ObjectiveView o = objectives.set(request.details());
        return ResponseEntity.created(URI.create("/api/v1/aims/objectives/" + o.id()))
                .eTag(Versions.etag(o.version()))
                .body(o);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One objective and its indicator's values over time; its ETag is the objective's version")
    ResponseEntity<ObjectiveWithHistory> get(@PathVariable long id) {
        ObjectiveView o = objectives.get(id);
        return ResponseEntity.ok()
                .eTag(Versions.etag(o.version()))
                .body(new ObjectiveWithHistory(o, objectives.history(id)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an objective in force; If-Match carries its ETag")
    ResponseEntity<ObjectiveView> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ObjectiveRequest request) {
        return ok(objectives.change(id, Versions.fromIfMatch(ifMatch), request.details()));
    }

    @PostMapping(path = "/{id}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retire an objective (achieved, replaced, dropped) with the reason; its history stays")
    ResponseEntity<ObjectiveView> retire(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Retirement request) {
        return ok(objectives.retire(id, Versions.fromIfMatch(ifMatch), request.reason()));
    }

    @PostMapping("/{id}/record-now")
    @Operation(summary = "Record a computed indicator as it stands now (replaces a value recorded earlier today)")
    Value recordNow(@PathVariable long id) {
        return objectives.recordNow(id);
    }

    @PostMapping("/record-now")
    @Operation(summary = "Record every computed indicator of the objectives in force now")
    Map<String, Integer> recordAllNow() {
        return Map.of("recorded", objectives.recordAllNow());
    }

    @PostMapping(path = "/{id}/values", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enter a manual indicator's value measured on a day (today when left out)")
    Value recordByHand(@PathVariable long id, @Valid @RequestBody ManualValue request) {
        return objectives.recordByHand(id, request.measuredOn(), request.value(), request.note());
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The objectives as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-objectives-" + LocalDate.now() + "." + f.extension() + "\"");
        objectives.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<ObjectiveView> ok(ObjectiveView o) {
        return ResponseEntity.ok().eTag(Versions.etag(o.version())).body(o);
    }
}
