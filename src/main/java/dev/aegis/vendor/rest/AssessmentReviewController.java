package dev.aegis.vendor.rest;

import dev.aegis.shared.web.Versions;
import dev.aegis.vendor.AssessmentReport;
import dev.aegis.vendor.AssessmentReview;
import dev.aegis.vendor.AssessmentReview.Comment;
import dev.aegis.vendor.PortalEvidence.FileContent;
import dev.aegis.vendor.PortalEvidence.ListedFile;
import dev.aegis.vendor.ShortfallFindings;
import dev.aegis.vendor.ShortfallFindings.Key;
import dev.aegis.vendor.ShortfallFindings.ProposedRisk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviewing an assessment over HTTP: the reviewer's comment per answer (with its {@code ETag} in {@code If-Match} to
 * replace it), the vendor's files, the shortfalls and the risks they propose (confirmed by a vendor manager), and the
 * report as PDF.
 */
@RestController
@Tag(name = "Vendor assessments", description = "Assessments of vendors against questionnaire template versions")
class AssessmentReviewController {

    private final AssessmentReview review;
    private final ShortfallFindings findings;
    private final AssessmentReport report;

    AssessmentReviewController(AssessmentReview review, ShortfallFindings findings, AssessmentReport report) {
        this.review = review;
        this.findings = findings;
        this.report = report;
    }

    record CommentRequest(String text) {}

    record CommentResponse(
            String question, String text, String by, Instant at, String sharedWithVendor, long version) {}

    record ConfirmRequest(@NotNull List<Key> findings) {}

    @GetMapping(
            path = "/api/v1/assessments/{id}/answers/{question}/comment",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The reviewer's comment on one answer (204 when there is none); its ETag goes in If-Match")
    ResponseEntity<CommentResponse> comment(@PathVariable long id, @PathVariable String question) {
        Comment c = review.comment(id, question);
        return c == null ? ResponseEntity.noContent().build() : ok(question, c);
    }

    @PutMapping(
            path = "/api/v1/assessments/{id}/answers/{question}/comment",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Write the comment on one answer (If-Match with the comment's ETag to replace one; blank text "
                    + "removes it, 204); the vendor sees it when the assessment is returned")
    ResponseEntity<CommentResponse> writeComment(
            @PathVariable long id,
            @PathVariable String question,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CommentRequest body) {
        Long expected = ifMatch == null ? null : Versions.fromIfMatch(ifMatch);
        Comment c = review.writeComment(id, question, body.text(), expected);
        return c == null ? ResponseEntity.noContent().build() : ok(question, c);
    }

    @GetMapping(path = "/api/v1/assessments/{id}/files", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The files the vendor uploaded, with size, type (from content) and SHA-256")
    List<ListedFile> files(@PathVariable long id) {
        return review.review(id).items().stream()
                .flatMap(i -> i.files().stream())
                .toList();
    }

    @GetMapping("/api/v1/assessments/{id}/files/{fileId}")
    @Operation(summary = "Download one of the vendor's files (in the audit log)")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return download(review.file(id, fileId));
    }

    @GetMapping(path = "/api/v1/assessments/{id}/findings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The risks the shortfalls propose, one per finding and dependent AI system, with the risk each "
                    + "became once confirmed")
    List<ProposedRisk> proposals(@PathVariable long id) {
        return findings.proposals(id);
    }

    @PostMapping(
            path = "/api/v1/assessments/{id}/findings/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise the chosen proposals as risks (each once; confirming again raises nothing new)")
    List<ProposedRisk> confirm(@PathVariable long id, @jakarta.validation.Valid @RequestBody ConfirmRequest body) {
        return findings.confirm(id, body.findings());
    }

    @GetMapping(path = "/api/v1/assessments/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The assessment report as PDF (in the audit log)")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.pdf(id, out);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("vendor-assessment-" + id + ".pdf")
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    /** A stored file as an attachment, never rendered inline, with its hash. */
    static ResponseEntity<byte[]> download(FileContent f) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Digest",
                        "sha-256="
                                + java.util.Base64.getEncoder()
                                        .encodeToString(java.util.HexFormat.of().parseHex(f.sha256())))
                .body(f.content());
    }

    private static ResponseEntity<CommentResponse> ok(String question, Comment c) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(c.version()))
                .body(new CommentResponse(question, c.text(), c.by(), c.at(), c.shared(), c.version()));
    }
}
