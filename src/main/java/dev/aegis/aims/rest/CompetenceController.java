package dev.aegis.aims.rest;

import dev.aegis.aims.CompetenceKind;
import dev.aegis.aims.CompetenceService;
import dev.aegis.aims.CompetenceService.Details;
import dev.aegis.aims.CompetenceService.Entry;
import dev.aegis.aims.CompetenceService.Gap;
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
 * Competence and awareness records (ISO/IEC 42001 7.2, 7.3): trainings, attestations and certifications per person,
 * and the AIMS role holders without a current one. A record's ETag is its version.
 */
@RestController
@RequestMapping(path = "/api/v1/aims/competence", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class CompetenceController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CompetenceService competence;

    CompetenceController(CompetenceService competence) {
        this.competence = competence;
    }

    record CompetenceRequest(
            @NotBlank(message = "Choose whose record it is.") @Size(max = 100)
            String username,

            @NotNull(message = "Choose whether it is a training, an attestation or a certification.")
            CompetenceKind kind,

            @NotBlank(message = "Name the training or attestation.") @Size(max = 200)
            String title,

            @Size(max = 200) String provider,

            @NotNull(message = "Give the day it was completed.")
            LocalDate completedOn,

            LocalDate expiresOn,
            @Size(max = 1000) String note) {
        Details details() {
            return new Details(username, kind, title, provider, completedOn, expiresOn, note);
        }
    }

    @GetMapping
    @Operation(summary = "Every competence record, by person, newest first, with where it stands today")
    List<Entry> list() {
        return competence.list();
    }

    @GetMapping("/gaps")
    @Operation(summary = "The people in an AIMS role today who hold no current training, attestation or certification")
    List<Gap> gaps() {
        return competence.gaps();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a training, attestation or certification someone completed")
    ResponseEntity<Entry> record(@Valid @RequestBody CompetenceRequest request) {
        Entry e = competence.record(request.details());
        return ResponseEntity.created(URI.create("/api/v1/aims/competence/" + e.id()))
                .eTag(Versions.etag(e.version()))
                .body(e);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a record; If-Match carries its ETag")
    ResponseEntity<Entry> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody CompetenceRequest request) {
        Entry e = competence.change(id, Versions.fromIfMatch(ifMatch), request.details());
        return ResponseEntity.ok().eTag(Versions.etag(e.version())).body(e);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a record entered by mistake; If-Match carries its ETag (the audit log keeps it)")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        competence.remove(id, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The competence records as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-competence-" + LocalDate.now() + "." + f.extension() + "\"");
        competence.export(f, response.getOutputStream());
        response.flushBuffer();
    }
}
