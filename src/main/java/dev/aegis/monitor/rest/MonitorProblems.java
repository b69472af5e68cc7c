package dev.aegis.monitor.rest;

import dev.aegis.monitor.IngestProblems;
import dev.aegis.monitor.WhenMonitorEnabled;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ingestion's own refusals as problem details: busy (429 with Retry-After), too many events (413), no JSON (400). */
@RestControllerAdvice(basePackageClasses = MonitorProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@WhenMonitorEnabled
class MonitorProblems {

    @ExceptionHandler(IngestProblems.Busy.class)
    ResponseEntity<ProblemDetail> busy(IngestProblems.Busy e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        p.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(p);
    }

    @ExceptionHandler(IngestProblems.TooMany.class)
    ResponseEntity<ProblemDetail> tooMany(IngestProblems.TooMany e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        p.setTitle("Too many events");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }

    @ExceptionHandler(IngestProblems.Malformed.class)
    ResponseEntity<ProblemDetail> malformed(IngestProblems.Malformed e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(p);
    }
}
