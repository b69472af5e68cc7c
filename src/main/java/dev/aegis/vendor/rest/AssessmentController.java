package dev.aegis.vendor.rest;

import dev.aegis.shared.web.Versions;
import dev.aegis.vendor.Assessment;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.AssessmentService.IssuedLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Vendor assessments over HTTP: started for a vendor from a template version, the vendor's private link issued (its
 * token shown once) or revoked, and the submitted answers returned, approved or rejected with the assessment's
 * {@code ETag} in {@code If-Match}.
 */
@RestController
@Tag(name = "Vendor assessments", description = "Assessments of vendors against questionnaire template versions")
class AssessmentController {

    private final AssessmentService service;

    AssessmentController(AssessmentService service) {
        this.service = service;
    }

    record StartRequest(@NotNull Long templateId, @NotNull LocalDate dueOn) {}

    record DecisionRequest(String note) {}

    record AssessmentResponse(
            long id,
            long vendorId,
            long templateId,
            Assessment.State state,
            LocalDate dueOn,
            Integer score,
            String decisionNote,
            String startedBy,
            String decidedBy,
            Instant createdAt,
            Instant submittedAt,
            Instant decidedAt,
            long version) {
        static AssessmentResponse of(Assessment a) {
            return new AssessmentResponse(
                    a.getId(),
                    a.getVendorId(),
                    a.getTemplateId(),
                    a.getState(),
                    a.getDueOn(),
                    a.getScore(),
                    a.getDecisionNote(),
                    a.getStartedBy(),
                    a.getDecidedBy(),
                    a.getCreatedAt(),
                    a.getSubmittedAt(),
                    a.getDecidedAt(),
                    a.getVersion());
        }
    }

    record AnswerResponse(JsonNode value, long version, Instant updatedAt) {}

    @GetMapping(path = "/api/v1/vendors/{vendorId}/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A vendor's assessments, newest first")
    List<AssessmentResponse> list(@PathVariable long vendorId) {
        return service.forVendor(vendorId).stream().map(AssessmentResponse::of).toList();
    }

    @PostMapping(
            path = "/api/v1/vendors/{vendorId}/assessments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start an assessment from a template version with a due date (vendor managers, administrators)")
    ResponseEntity<AssessmentResponse> start(
            @PathVariable long vendorId, @jakarta.validation.Valid @RequestBody StartRequest body) {
        Assessment a = service.start(vendorId, body.templateId(), body.dueOn());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + a.getId()))
                .eTag(Versions.etag(a.getVersion()))
                .body(AssessmentResponse.of(a));
    }

    @GetMapping(path = "/api/v1/assessments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One assessment; its ETag is the version to send back in If-Match")
    ResponseEntity<AssessmentResponse> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @GetMapping(path = "/api/v1/assessments/{id}/answers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The vendor's answers so far, by question id")
    Map<String, AnswerResponse> answers(@PathVariable long id) {
        Map<String, AnswerResponse> out = new LinkedHashMap<>();
        service.answers(id)
                .forEach((q, a) -> out.put(
                        q,
                        new AnswerResponse(
                                dev.aegis.vendor.PortalService.parse(a.getValue()), a.getVersion(), a.getUpdatedAt())));
        return out;
    }

    @PostMapping(path = "/api/v1/assessments/{id}/link", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue the vendor's private link, revoking the previous one; the token is shown only now")
    ResponseEntity<IssuedLink> link(@PathVariable long id) {
        return ResponseEntity.status(201)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(service.issueLink(id));
    }

    @PostMapping(path = "/api/v1/assessments/{id}/invite", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Issue a new private link and mail it to the vendor's contacts (when mail is configured); "
                    + "the token is shown only now")
    ResponseEntity<AssessmentService.Invitation> invite(@PathVariable long id) {
        return ResponseEntity.status(201)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(service.invite(id));
    }

    @DeleteMapping("/api/v1/assessments/{id}/link")
    @Operation(summary = "Revoke the vendor's private link")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        service.revokeLink(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = "/api/v1/assessments/{id}/{decision:return|approve|reject}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Return the submitted answers to the vendor, or approve (scoring the vendor) or reject them; "
                    + "If-Match carries the assessment's version")
    ResponseEntity<AssessmentResponse> decide(
            @PathVariable long id,
            @Parameter(schema = @Schema(allowableValues = {"return", "approve", "reject"})) @PathVariable
                    String decision,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false) DecisionRequest body) {
        long version = Versions.fromIfMatch(ifMatch);
        String note = body == null ? null : body.note();
        return ok(
                switch (decision) {
                    case "return" -> service.returnToVendor(id, version, note);
                    case "approve" -> service.approve(id, version, note);
                    default -> service.reject(id, version, note);
                });
    }

    private static ResponseEntity<AssessmentResponse> ok(Assessment a) {
        return ResponseEntity.ok().eTag(Versions.etag(a.getVersion())).body(AssessmentResponse.of(a));
    }
}
