package dev.aegis.aims.rest;

import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.AcknowledgementStatus;
import dev.aegis.aims.AimsDocumentService.Details;
import dev.aegis.aims.AimsDocumentService.DocumentSummary;
import dev.aegis.aims.AimsDocumentService.DocumentView;
import dev.aegis.aims.AimsDocumentService.VersionView;
import dev.aegis.aims.AimsRoleService;
import dev.aegis.aims.AimsRoleService.Assignment;
import dev.aegis.aims.AimsRoleService.Holder;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ISO/IEC 42001 AI management system: controlled documents (AI and topic policies, the context and scope
 * statement) through their versions and approval steps, acknowledgements of policies, and the AIMS roles. A document's
 * ETag is its own version (for its title, owner and retention); each version carries its own {@code version}, sent back
 * in If-Match with that version's steps.
 */
@RestController
@RequestMapping(path = "/api/v1/aims", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class AimsController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AimsDocumentService documents;
    private final AimsRoleService roles;

    AimsController(AimsDocumentService documents, AimsRoleService roles) {
        this.documents = documents;
        this.roles = roles;
    }

    record NewPolicy(
            @NotNull(message = "Say whether this is the AI policy or a topic policy.")
            DocumentKind kind,

            @NotBlank(message = "Give the policy a title.") @Size(max = 200)
            String title,

            @NotBlank(message = "Choose the policy's owner.") @Size(max = 100)
            String owner,

            @Min(1) @Max(100) Integer retentionYears,

            @NotBlank(message = "Write the policy's text.") @Size(max = 20000)
            String text,

            @Size(max = 500) String appliesTo) {}

    record NewScope(
            @NotBlank(message = "Give the statement a title.") @Size(max = 200)
            String title,

            @NotBlank(message = "Choose the statement's owner.") @Size(max = 100)
            String owner,

            @Min(1) @Max(100) Integer retentionYears,

            @NotNull(message = "Give the context and scope.")
            ContextAndScope content) {}

    record DocumentDetails(
            @NotBlank(message = "Give the document a title.") @Size(max = 200)
            String title,

            @NotBlank(message = "Choose the document's owner.") @Size(max = 100)
            String owner,

            @Min(1) @Max(100) Integer retentionYears) {}

    record PolicyEdit(
            @NotBlank(message = "Write the policy's text.") @Size(max = 20000)
            String text,

            @Size(max = 500) String appliesTo,
            @Size(max = 500) String changeNote) {}

    record ScopeEdit(
            @NotNull(message = "Give the context and scope.")
            ContextAndScope content,

            @Size(max = 500) String changeNote) {}

    record Approval(LocalDate effectiveFrom, LocalDate reviewBy) {}

    record NewVersion(@Size(max = 500) String changeNote) {}

    record Withdrawal(
            @NotBlank(message = "Say why the document is withdrawn.") @Size(max = 500)
            String reason) {}

    record RoleRequest(
            @NotNull(message = "Choose the AIMS role.") AimsRole role,

            @NotBlank(message = "Choose who holds the role.") @Size(max = 100)
            String username,

            @Size(max = 2000) String responsibilities,
            LocalDate since,
            LocalDate until) {
        Assignment assignment() {
            return new Assignment(role, username, responsibilities, since, until);
        }
    }

    // --- documents

    @GetMapping("/documents")
    @Operation(
            summary = "The register of controlled documents (kind=AI_POLICY,TOPIC_POLICY,CONTEXT_AND_SCOPE; all when "
                    + "left out); people who are not officers or auditors see the policies in force only")
    List<DocumentSummary> list(@RequestParam(required = false) List<DocumentKind> kind) {
        return documents.list(kind == null ? List.of() : kind);
    }

    @PostMapping(path = "/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draft a new AI policy or topic policy (version 1); its reference (POL-001) is given")
    ResponseEntity<DocumentView> draftPolicy(@Valid @RequestBody NewPolicy request) {
        return created(documents.draftPolicy(
                request.kind(),
                new Details(request.title(), request.owner(), request.retentionYears()),
                new PolicyText(request.text(), request.appliesTo())));
    }

    @PostMapping(path = "/scopes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draft a context and scope statement (ISO/IEC 42001 4.1–4.3) as version 1")
    ResponseEntity<DocumentView> draftScope(@Valid @RequestBody NewScope request) {
        return created(documents.draftScope(
                new Details(request.title(), request.owner(), request.retentionYears()), request.content()));
    }

    @GetMapping("/documents/{id}")
    @Operation(summary = "One document with every version, newest first; its ETag is the document's version")
    ResponseEntity<DocumentView> get(@PathVariable long id) {
        return ok(documents.get(id));
    }

    @PutMapping(path = "/documents/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the document's title, owner or retention; If-Match carries the document's ETag")
    ResponseEntity<DocumentView> describe(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody DocumentDetails request) {
        return ok(documents.describe(
                id,
                Versions.fromIfMatch(ifMatch),
                new Details(request.title(), request.owner(), request.retentionYears())));
    }

    @GetMapping("/documents/{id}/versions/{number}")
    @Operation(summary = "One version exactly as it stands (old versions as they were)")
    VersionView version(@PathVariable long id, @PathVariable int number) {
        return documents.version(id, number);
    }

    @PutMapping(path = "/documents/{id}/versions/{number}/policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rewrite a policy draft; If-Match carries the version's version")
    ResponseEntity<DocumentView> editPolicy(
            @PathVariable long id,
            @PathVariable int number,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody PolicyEdit request) {
        return ok(documents.editPolicy(
                id,
                number,
                Versions.fromIfMatch(ifMatch),
                new PolicyText(request.text(), request.appliesTo()),
                request.changeNote()));
    }

    @PutMapping(path = "/documents/{id}/versions/{number}/scope", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rewrite a context and scope draft; If-Match carries the version's version")
    ResponseEntity<DocumentView> editScope(
            @PathVariable long id,
            @PathVariable int number,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ScopeEdit request) {
        return ok(documents.editScope(
                id, number, Versions.fromIfMatch(ifMatch), request.content(), request.changeNote()));
    }

    @PostMapping(path = "/documents/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start the next version as a draft copy of the latest; refused while one is being worked on")
    ResponseEntity<DocumentView> newVersion(@PathVariable long id, @Valid @RequestBody NewVersion request) {
        return ok(documents.newVersion(id, request.changeNote()));
    }

    @PostMapping("/documents/{id}/versions/{number}/submit")
    @Operation(summary = "Send a draft for review; If-Match carries the version's version")
    ResponseEntity<DocumentView> submit(
            @PathVariable long id, @PathVariable int number, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(documents.submit(id, number, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping("/documents/{id}/versions/{number}/reopen")
    @Operation(summary = "Send a version in review or approved back to draft")
    ResponseEntity<DocumentView> reopen(
            @PathVariable long id, @PathVariable int number, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(documents.reopen(id, number, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping(path = "/documents/{id}/versions/{number}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Approve a version in review (effective today and reviewed in a year unless given); 422 for its "
                    + "last editor (four eyes)")
    ResponseEntity<DocumentView> approve(
            @PathVariable long id,
            @PathVariable int number,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Approval request) {
        return ok(documents.approve(
                id, number, Versions.fromIfMatch(ifMatch), request.effectiveFrom(), request.reviewBy()));
    }

    @PostMapping("/documents/{id}/versions/{number}/publish")
    @Operation(
            summary = "Publish an approved version on or after its effective date; the version in force is superseded")
    ResponseEntity<DocumentView> publish(
            @PathVariable long id, @PathVariable int number, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(documents.publish(id, number, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping(path = "/documents/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the document: the version in force and any open version end with the reason")
    ResponseEntity<DocumentView> withdraw(@PathVariable long id, @Valid @RequestBody Withdrawal request) {
        return ok(documents.withdraw(id, request.reason()));
    }

    @GetMapping("/documents/{id}/acknowledgements")
    @Operation(
            summary = "Who acknowledged the policy's version in force and who has not (officers, auditors); anyone "
                    + "else learns only whether they have (mine)")
    AcknowledgementStatus acknowledgements(@PathVariable long id) {
        return documents.acknowledgements(id);
    }

    @PostMapping("/documents/{id}/acknowledgements")
    @Operation(summary = "The caller confirms having read the policy's version in force")
    AcknowledgementStatus acknowledge(@PathVariable long id) {
        return documents.acknowledge(id);
    }

    @GetMapping("/acknowledgements/mine")
    @Operation(summary = "The policies in force the caller has not acknowledged yet")
    List<DocumentSummary> awaitingMine() {
        return documents.awaitingMyAcknowledgement();
    }

    @GetMapping(
            path = "/documents/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The register of documents as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void exportDocuments(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) List<DocumentKind> kind,
            HttpServletResponse response)
            throws IOException {
        TabularFormat f = start(format, "aims-documents", response);
        documents.export(kind == null ? List.of() : kind, f, response.getOutputStream());
        response.flushBuffer();
    }

    // --- roles

    @GetMapping("/roles")
    @Operation(summary = "Who holds which AIMS role (ISO/IEC 42001 5.3, A.3.2), past holders with their end date")
    List<Holder> roles() {
        return roles.list();
    }

    @PostMapping(path = "/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Name someone from the user directory to an AIMS role")
    Holder assign(@Valid @RequestBody RoleRequest request) {
        return roles.assign(request.assignment());
    }

    @PutMapping(path = "/roles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a role assignment (e.g. its end date at a hand-over); If-Match carries its version")
    Holder change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody RoleRequest request) {
        return roles.change(id, Versions.fromIfMatch(ifMatch), request.assignment());
    }

    @GetMapping(
            path = "/roles/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The AIMS roles as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void exportRoles(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        TabularFormat f = start(format, "aims-roles", response);
        roles.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static TabularFormat start(String format, String name, HttpServletResponse response) {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name + "-" + LocalDate.now() + "." + f.extension() + "\"");
        return f;
    }

    private static ResponseEntity<DocumentView> ok(DocumentView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private static ResponseEntity<DocumentView> created(DocumentView view) {
        return ResponseEntity.created(URI.create("/api/v1/aims/documents/" + view.id()))
                .eTag(Versions.etag(view.version()))
                .body(view);
    }
}
