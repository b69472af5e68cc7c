package dev.aegis.monitor.sentiment;

import dev.aegis.monitor.Permissions;
import dev.aegis.monitor.WhenMonitorEnabled;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo model's endpoint, {@code POST /monitor/v1/models/sentiment/predict}. Limits: a text of 1 to 5,000
 * characters (else 400 with field errors), a body of at most 64 KiB (else 413), a token bucket per caller (else 429
 * with Retry-After); errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = SentimentController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@WhenMonitorEnabled
class SentimentController {

    static final String PATH = "/monitor/v1/models/sentiment";

    private final SentimentModel model;

    SentimentController(SentimentModel model) {
        this.model = model;
    }

    /** @param text the text to score */
    record PredictRequest(
            @NotBlank(message = "Give a text to score.")
            @Size(max = SentimentModel.MAX_TEXT_LENGTH, message = "At most 5000 characters are scored.")
            String text) {}

    /** Runs inside the monitor's own chain: only a monitor token reaches it, as for the ingestion API. */
    @PreAuthorize(Permissions.INGEST)
    @PostMapping(path = "/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
    SentimentPrediction predict(@Valid @RequestBody PredictRequest request) {
        return model.predict(request.text());
    }

    @ExceptionHandler(SentimentRequestGuard.RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(SentimentRequestGuard.RateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(SentimentRequestGuard.RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(SentimentRequestGuard.RequestTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Request too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
