package dev.aegis.vendor.rest;

import dev.aegis.vendor.PortalEvidence;
import dev.aegis.vendor.PortalEvidence.Clarification;
import dev.aegis.vendor.PortalEvidence.ListedFile;
import dev.aegis.vendor.PortalLimits;
import dev.aegis.vendor.PortalService;
import dev.aegis.vendor.PortalService.Answer;
import dev.aegis.vendor.PortalService.LinkGoneException;
import dev.aegis.vendor.PortalService.PortalView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The vendor portal: what a vendor reaches with its private link, without signing in. The token in the path opens
 * exactly one assessment; an unknown one answers 404, a revoked or expired one 410, and neither says more. Calls are
 * rate limited per token and per client address (429 with {@code Retry-After}).
 */
@RestController
@RequestMapping(path = "/portal/v1/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vendor portal", description = "A vendor answers its assessment through its private link")
class PortalController {

    private final PortalService portal;
    private final PortalLimits limits;
    private final PortalEvidence evidence;

    PortalController(PortalService portal, PortalLimits limits, PortalEvidence evidence) {
        this.portal = portal;
        this.limits = limits;
        this.evidence = evidence;
    }

    /** The answer to one question and the version of the answer it replaces (null for the first answer). */
    record AnswerRequest(JsonNode value, Long version) {
    }

    @ModelAttribute
    void limit(@PathVariable String token, HttpServletRequest request) {
        long wait = limits.check(token, request.getRemoteAddr());
        if (wait > 0) {
            var tooMany = new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again later.");
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            throw tooMany;
        }
    }

    @GetMapping
    @Operation(summary = "The questionnaire with the answers so far, the questions shown and the required ones open")
    PortalView open(@PathVariable String token) {
        return portal.open(token);
    }

    @PutMapping(path = "/answers/{question}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save one answer with the version it replaces (409 when someone else changed it meanwhile)")
    Answer answer(@PathVariable String token, @PathVariable String question, @RequestBody AnswerRequest body) {
        return portal.answer(token, question, body.value(), body.version());
    }

    @PostMapping("/submit")
    @Operation(summary = "Submit the answers (422 naming the required questions still open)")
    PortalView submit(@PathVariable String token) {
        return portal.submit(token);
    }

    @PostMapping(path = "/files/{question}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file answering a FILE question (size and type checked, SHA-256 kept)")
    ResponseEntity<ListedFile> upload(@PathVariable String token, @PathVariable String question,
            @RequestPart("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(evidence.upload(token, question, file.getOriginalFilename(), file.getInputStream()));
    }

    @GetMapping("/files")
    @Operation(summary = "The files uploaded for this questionnaire")
    List<ListedFile> files(@PathVariable String token) {
        return evidence.files(token);
    }

    @GetMapping(path = "/files/{question}/{fileId}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download one of this questionnaire's files")
    @Parameter(name = "question", in = ParameterIn.PATH, required = true, description = "The question the file answers")
    ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable long fileId) {
        return AssessmentReviewController.download(evidence.download(token, fileId));
    }

    @GetMapping("/clarification")
    @Operation(summary = "Why the questionnaire came back: the note and the comments per question (empty otherwise)")
    Clarification clarification(@PathVariable String token) {
        return evidence.clarification(token);
    }

    @ExceptionHandler(LinkGoneException.class)
    ResponseEntity<ProblemDetail> gone(LinkGoneException e) {
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage()));
    }
}
