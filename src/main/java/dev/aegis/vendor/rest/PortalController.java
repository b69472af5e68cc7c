package dev.aegis.vendor.rest;

import dev.aegis.vendor.PortalEvidence;
import dev.aegis.vendor.PortalEvidence.Clarification;
import dev.aegis.vendor.PortalEvidence.ListedFile;
import dev.aegis.vendor.PortalLimits;
import dev.aegis.vendor.PortalService;
import dev.aegis.vendor.PortalService.AnswerConflictException;
import dev.aegis.vendor.PortalService.LinkGoneException;
import dev.aegis.vendor.PortalService.MissingAnswersException;
import dev.aegis.vendor.PortalService.PortalView;
import dev.aegis.vendor.PortalService.Saved;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.HandlerMapping;
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
    record AnswerRequest(JsonNode value, Long version) {}

    /** Too many calls for this link or from this address; {@code seconds} until the next one is let through. */
    static final class RateLimitedException extends RuntimeException {
        final long seconds;

        RateLimitedException(long seconds) {
            super("Too many requests in a short time. Your answers are kept; try again in " + seconds + " s.");
            this.seconds = seconds;
        }
    }

    @ModelAttribute
    void limit(@PathVariable String token, HttpServletRequest request) {
        long wait = limits.check(token, request.getRemoteAddr());
        if (wait > 0) {
            throw new RateLimitedException(wait);
        }
    }

    @GetMapping
    @Operation(summary = "The questionnaire with the answers so far, the questions shown and the required ones open")
    PortalView open(@PathVariable String token) {
        return portal.open(token);
    }

    @PutMapping(path = "/answers/{question}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Save one answer with the version it replaces (409 with the stored answer as `current` when "
                    + "someone else changed it meanwhile); answers with the questions shown and the required ones open")
    Saved answer(@PathVariable String token, @PathVariable String question, @RequestBody AnswerRequest body) {
        return portal.answer(token, question, body.value(), body.version());
    }

    @PostMapping("/submit")
    @Operation(summary = "Submit the answers (422 naming the required questions still open by their text)")
    PortalView submit(@PathVariable String token) {
        return portal.submit(token);
    }

    @PostMapping(path = "/files/{question}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file answering a FILE question (size and type checked, SHA-256 kept)")
    ResponseEntity<ListedFile> upload(
            @PathVariable String token, @PathVariable String question, @RequestPart("file") MultipartFile file)
            throws IOException {
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
        return problem(HttpStatus.GONE, ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage()));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> tooMany(RateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A real conflict: the answer stored now goes back as {@code current}, for the vendor to choose. */
    @ExceptionHandler(AnswerConflictException.class)
    ResponseEntity<ProblemDetail> conflict(AnswerConflictException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Edit conflict");
        // an exception handler gets no path variables; the request still holds them
        var variables = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        problem.setProperty("current", portal.current((String) variables.get("token"), e.question()));
        return problem(HttpStatus.CONFLICT, problem);
    }

    /** The questions still open, by text for people and as field pointers for programs. */
    @ExceptionHandler(MissingAnswersException.class)
    ResponseEntity<ProblemDetail> missing(MissingAnswersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Required questions are open");
        problem.setProperty(
                "errors",
                e.missing().entrySet().stream()
                        .map(m -> Map.of(
                                "pointer",
                                "/answers/" + m.getKey(),
                                "detail",
                                "Answer “" + m.getValue() + "”.",
                                "field",
                                "answers." + m.getKey(),
                                "message",
                                "Answer “" + m.getValue() + "”."))
                        .toList());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
