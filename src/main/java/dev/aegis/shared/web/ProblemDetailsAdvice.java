package dev.aegis.shared.web;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail. Validation failures list their fields; unreadable JSON (malformed,
 * unknown fields, wrong types) is a 400 that says what was wrong; an unreachable database is a 503; nothing unexpected
 * leaks a stack trace.
 */
@RestControllerAdvice(basePackages = "dev.aegis")
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readableReason(ex));
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(DomainRuleException.class)
    ProblemDetail domainRule(DomainRuleException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Request breaks a rule");
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleCopy(OptimisticLockingFailureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this record after you loaded it. Load it again and repeat your change.");
        problem.setTitle("Edit conflict");
        return problem;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your roles do not allow this action.");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        // an unreachable database hides under many exception types; it is an outage to wait out, not a bug
        if (DatabaseOutage.isCause(ex)) {
            log.warn("The database cannot be reached: {}", ex.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(DatabaseOutage.problem());
        }
        log.error("Unexpected error in the API", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The error has been logged.");
        problem.setTitle("Internal error");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.internalServerError().body(problem);
    }

    private static Map<String, Object> fieldError(FieldError e) {
        return Map.of("field", e.getField(), "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage());
    }

    private static String readableReason(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String name = cause.getClass().getSimpleName();
        if (name.contains("UnrecognizedProperty")) {
            return "Unknown field: " + propertyName(cause.getMessage());
        }
        // Jackson 3 reports a body cut short as UnexpectedEndOfInputException
        if (name.contains("Parse") || name.contains("Stream") || name.contains("EndOfInput")) {
            return "The body is not well-formed JSON.";
        }
        if (name.contains("Mismatch") || name.contains("InvalidFormat")) {
            return "A field has a value of the wrong type.";
        }
        return "The body could not be read as the expected JSON.";
    }

    private static String propertyName(String message) {
        if (message == null) {
            return "?";
        }
        int start = message.indexOf('"');
        int end = start < 0 ? -1 : message.indexOf('"', start + 1);
        return start >= 0 && end > start ? message.substring(start + 1, end) : "?";
    }
}
