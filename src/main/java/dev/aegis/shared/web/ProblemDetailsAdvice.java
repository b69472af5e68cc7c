package dev.aegis.shared.web;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error is an RFC 9457 problem detail, and every refusal of input says which input: a 400 or 422 carries
 * {@code errors}, one entry per problem, each naming its place as a JSON pointer into the body ({@code pointer}, ""
 * for the body as a whole), a query or path {@code parameter} or a {@code header}, with a {@code detail} for people
 * and, for an enum, its {@code allowedValues} ({@code field} and {@code message} repeat the name and the detail, as in
 * the first version of the API). Malformed JSON, wrong types, unknown fields and values, missing required fields, bean
 * validation, bad ids and query values are all 400; an unreachable database is a 503; nothing unexpected leaks a
 * stack trace.
 */
@RestControllerAdvice(basePackages = "dev.aegis")
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!ex.getParameter().hasParameterAnnotation(RequestBody.class)) {
            // query parameters bound together (e.g. PageParams): each error names its parameter
            return invalid("The request has an invalid parameter.", queryErrors(ex.getBindingResult()));
        }
        return invalid(
                "The request has invalid fields.",
                ex.getBindingResult().getAllErrors().stream()
                        .map(e -> e instanceof FieldError f
                                ? InputError.body(f.getField(), message(f))
                                : InputError.body("", message(e)))
                        .toList());
    }

    /** The errors of query parameters bound into one object: each names its parameter, a wrong type says so. */
    private static List<InputError> queryErrors(Errors bound) {
        List<InputError> errors = new ArrayList<>();
        for (FieldError f : bound.getFieldErrors()) {
            String detail = f.isBindingFailure()
                    ? expected(bound.getFieldType(f.getField()), f.getRejectedValue())
                    : message(f);
            errors.add(new InputError("parameter", f.getField(), detail, List.of()));
        }
        bound.getGlobalErrors().forEach(g -> errors.add(InputError.body("", message(g))));
        return errors;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            if (result instanceof ParameterErrors bound && !parameter.hasParameterAnnotation(RequestBody.class)) {
                errors.addAll(queryErrors(bound));
            } else if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(f -> errors.add(InputError.body(f.getField(), message(f))));
                bound.getGlobalErrors().forEach(g -> errors.add(InputError.body("", message(g))));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(InputError.of(parameter, message(e))));
            }
        }
        return invalid("The request has invalid fields.", errors);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InputError error = unreadable(ex);
        // the place in the text (line, column) belongs to the error entry; the summary stays as the first version said
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, error.detail().replaceFirst(" \\(line \\d+, column \\d+\\)", ""));
        problem.setTitle("Unreadable request body");
        problem.setProperty("errors", List.of(error.asMap()));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        if (ex instanceof MethodArgumentTypeMismatchException m
                && type != null
                && (Collection.class.isAssignableFrom(type) || type.isArray())) {
            // a list parameter (state=A,B) fails on one of its values: say what each value may be
            Class<?> element = ResolvableType.forMethodParameter(m.getParameter())
                    .asCollection()
                    .resolveGeneric(0);
            type = type.isArray() ? type.getComponentType() : element == null ? type : element;
        }
        InputError error = ex instanceof MethodArgumentTypeMismatchException m
                ? InputError.of(m.getParameter(), expected(type, ex.getValue()), allowed(type))
                : new InputError("parameter", name, expected(type, ex.getValue()), allowed(type));
        return invalid("The request has an invalid parameter.", List.of(error));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(
                "The request misses a parameter.",
                List.of(new InputError(
                        "parameter",
                        ex.getParameterName(),
                        "Give the parameter " + ex.getParameterName() + ".",
                        List.of())));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(
                "The request misses a part.",
                List.of(new InputError(
                        "parameter",
                        ex.getRequestPartName(),
                        "Send the multipart part '" + ex.getRequestPartName() + "'.",
                        List.of())));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return invalid(
                    "The request misses a header.",
                    List.of(new InputError(
                            "header",
                            missing.getHeaderName(),
                            "Send the header " + missing.getHeaderName() + ".",
                            List.of())));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /** A service validating its own input (a form and the API share it) names the field the same way. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        return invalid(
                "The request has invalid fields.",
                ex.getConstraintViolations().stream()
                        .map(v -> InputError.body(propertyPath(v), v.getMessage()))
                        .sorted(Comparator.comparing(InputError::name))
                        .toList());
    }

    @ExceptionHandler(DomainRuleException.class)
    ProblemDetail domainRule(DomainRuleException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Request breaks a rule");
        // a rule about a query parameter (sort=, resolution=) names it; one about the request as a whole points at the
        // whole body
        String field = ex.field() == null ? "" : ex.field();
        InputError error = !field.isEmpty() && request.getParameterMap().containsKey(field)
                ? new InputError("parameter", field, ex.getMessage(), List.of())
                : InputError.body(field, ex.getMessage());
        problem.setProperty("errors", List.of(error.asMap()));
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Someone else changed this record after you loaded it. Load it again and repeat your change.");
        problem.setTitle("Edit conflict");
        return problem;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException ex) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this action.");
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. The error has been logged.");
        problem.setTitle("Internal error");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<Object> invalid(String detail, List<InputError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, errors.size() == 1 ? errors.getFirst().detail() : detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream().map(InputError::asMap).toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * One refused input: {@code in} is {@code pointer} (the body; {@code name} a JSON pointer), {@code parameter} or
     * {@code header}.
     */
    record InputError(String in, String name, String detail, List<String> allowedValues) {

        static InputError body(String dottedPath, String detail) {
            return new InputError("pointer", JsonPointers.of(dottedPath), detail, List.of());
        }

        static InputError of(MethodParameter parameter, String detail) {
            return of(parameter, detail, List.of());
        }

        static InputError of(MethodParameter parameter, String detail, List<String> allowed) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null) {
                String name = !header.name().isEmpty() ? header.name() : header.value();
                return new InputError("header", name.isEmpty() ? parameter.getParameterName() : name, detail, allowed);
            }
            return new InputError("parameter", parameterName(parameter), detail, allowed);
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(in, name);
            map.put("detail", detail);
            if (!allowedValues.isEmpty()) {
                map.put("allowedValues", allowedValues);
            }
            // the first version's members, kept for its clients
            map.put("field", "pointer".equals(in) ? JsonPointers.dotted(name) : name);
            map.put("message", detail);
            return map;
        }
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !(param.name().isEmpty() && param.value().isEmpty())) {
            return param.name().isEmpty() ? param.value() : param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !(path.name().isEmpty() && path.value().isEmpty())) {
            return path.name().isEmpty() ? path.value() : path.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "?" : name;
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message == null || message.isBlank() ? "is invalid" : message;
    }

    /** The violation's path without the method and parameter it went through: the field inside the argument. */
    private static String propertyPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                path.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }

    private static InputError unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        JacksonException jackson = jacksonCause(ex);
        if (jackson == null) {
            return new InputError(
                    "pointer",
                    "",
                    "Send the request body the OpenAPI document describes for this " + "operation.",
                    List.of());
        }
        String pointer = pointer(jackson.getPath());
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new InputError("pointer", pointer, "Unknown field: " + unknown.getPropertyName(), List.of());
        }
        if (jackson instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> type = format.getTargetType();
            return new InputError("pointer", pointer, expected(type, format.getValue()), allowed(type));
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            if (mismatch.getOriginalMessage() != null
                    && mismatch.getOriginalMessage().startsWith("Missing required")) {
                return new InputError("pointer", pointer, "Give this field; it is required.", List.of());
            }
            return new InputError(
                    "pointer",
                    pointer,
                    type == null ? "This field has a value of the wrong type." : expected(type, null),
                    allowed(type));
        }
        if (jackson instanceof StreamReadException read) {
            TokenStreamLocation at = read.getLocation();
            return new InputError(
                    "pointer",
                    pointer,
                    "The body is not well-formed JSON"
                            + (at == null || at.getLineNr() < 1
                                    ? "."
                                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."),
                    List.of());
        }
        log.debug("Unreadable body: {}", cause.getMessage());
        return new InputError(
                "pointer", pointer, "This part of the body could not be read as the expected JSON.", List.of());
    }

    private static @Nullable JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    private static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/');
            pointer.append(
                    reference.getPropertyName() != null
                            ? JsonPointers.escape(reference.getPropertyName())
                            : reference.getIndex() >= 0 ? Integer.toString(reference.getIndex()) : "-");
        }
        return pointer.toString();
    }

    /** What a value of this type looks like, for people. */
    private static String expected(@Nullable Class<?> type, @Nullable Object value) {
        String got = value == null ? "" : " ('" + abbreviate(String.valueOf(value)) + "' is not)";
        if (type == null) {
            return "The value has the wrong type" + got + ".";
        }
        Class<?> t = ClassUtils.resolvePrimitiveIfNecessary(type);
        if (t.isEnum()) {
            return "Use one of " + String.join(", ", allowed(t)) + got + ".";
        }
        if (t == Long.class || t == Integer.class || t == Short.class) {
            return "Use a whole number" + got + ".";
        }
        if (Number.class.isAssignableFrom(t)) {
            return "Use a number" + got + ".";
        }
        if (t == Boolean.class) {
            return "Use true or false" + got + ".";
        }
        if (t == LocalDate.class) {
            return "Use a date as YYYY-MM-DD" + got + ".";
        }
        if (t == Instant.class || t == OffsetDateTime.class) {
            return "Use a time as 2026-01-31T12:00:00Z" + got + ".";
        }
        if (t == String.class) {
            return "Use a string" + got + ".";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "Use a list" + got + ".";
        }
        return "Use a JSON object of the documented shape" + got + ".";
    }

    private static List<String> allowed(@Nullable Class<?> type) {
        if (type == null || !type.isEnum()) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .toList();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
