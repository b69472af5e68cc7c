package dev.aegis.control.rest;

import dev.aegis.control.SoaService;
import dev.aegis.control.SoaService.Issued;
import dev.aegis.control.SoaService.IssuedSummary;
import dev.aegis.control.SoaService.Line;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** The ISO/IEC 42001 Statement of Applicability: the working statement, decisions, issued versions and exports. */
@RestController
@RequestMapping(path = "/api/v1/soa", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Statement of Applicability", description = "ISO/IEC 42001 Annex A applicability, versions and exports")
class SoaController {

    private final SoaService soa;

    SoaController(SoaService soa) {
        this.soa = soa;
    }

    record Decision(
            @NotNull(message = "Say whether the control applies.")
            Boolean applicable,

            @NotNull(message = "Give the justification or the reason for exclusion.") @Size(max = 4000)
            String justification) {}

    record IssueRequest(@Size(max = 2000) String note) {}

    @GetMapping
    @Operation(summary = "The working statement: every Annex A control with its decision and implementing controls")
    List<Line> current() {
        return soa.current();
    }

    @PutMapping(path = "/{requirementId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Include or exclude an Annex A control; If-Match carries the line version, -1 when undecided")
    Line decide(
            @PathVariable long requirementId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Decision decision) {
        return soa.decide(
                requirementId, Versions.fromIfMatch(ifMatch), decision.applicable(), decision.justification());
    }

    @PostMapping(path = "/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue the statement as a new immutable version approved by the caller")
    Issued issue(@Valid @RequestBody IssueRequest request) {
        return soa.issue(request.note());
    }

    @GetMapping("/versions")
    @Operation(summary = "The issued versions, newest first")
    List<IssuedSummary> versions() {
        return soa.versions();
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "One issued version exactly as issued")
    Issued version(@PathVariable int number) {
        return soa.version(number);
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", MediaType.APPLICATION_PDF_VALUE})
    @Operation(
            summary = "The working statement or an issued version (version=N) as CSV (format=csv) or PDF (format=pdf)")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "pdf") String format, @RequestParam(required = false) Integer version) {
        boolean csv = "csv".equalsIgnoreCase(format);
        String name =
                "statement-of-applicability" + (version == null ? "-draft" : "-v" + version) + (csv ? ".csv" : ".pdf");
        // rendered in full first (a statement is small): a refusal or an unknown version is then an error response,
        // and no asynchronous dispatch runs outside the stateless API chain's authentication
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (csv) {
            soa.csv(version, out);
        } else {
            soa.pdf(version, out);
        }
        byte[] bytes = out.toByteArray();
        return ResponseEntity.ok()
                .contentType(csv ? MediaType.parseMediaType("text/csv; charset=UTF-8") : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(bytes);
    }
}
