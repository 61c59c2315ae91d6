package dev.crosswalk.app.system;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.SalesforceException;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where API errors become RFC 9457 problem details with a stable {@code code}: our
 * own ({@link CrosswalkException}), Spring MVC's (unreadable bodies, wrong types, unsupported
 * methods — through {@link ResponseEntityExceptionHandler}, each given a code), Salesforce failures
 * during a user's request (502 naming Salesforce's error code), and, as a last resort, anything
 * unexpected (a 500 problem without internals). Errors outside controllers go through
 * {@link ErrorPages}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CrosswalkException.class)
    ProblemDetail crosswalk(CrosswalkException e) {
        ProblemDetail problem = problem(e.code(), e.getMessage());
        e.related().ifPresent(r -> problem.setProperty("relatedId", r.id()));
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(ErrorCode.FORBIDDEN, "Only an Admin of the organization can do this");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegal(IllegalArgumentException e) {
        return problem(ErrorCode.VALIDATION_FAILED, e.getMessage());
    }

    /** A Salesforce call made for this request failed: a bad gateway, naming what Salesforce said. */
    @ExceptionHandler(SalesforceException.class)
    ProblemDetail salesforce(SalesforceException e) {
        String sfCode = e.error().first().map(ApiError::errorCode).orElse(e.error().getClass().getSimpleName());
        ProblemDetail p = problem(ErrorCode.SALESFORCE_ERROR, "Salesforce answered " + sfCode
                + (e.error().status() > 0 ? " (HTTP " + e.error().status() + ")" : "") + ". Nothing was changed in Crosswalk.");
        p.setProperty("salesforceErrorCode", sfCode);
        return p;
    }

    /** Last resort: a bug. The client gets a problem without internals; the log gets the stack trace. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("unexpected error in an API request", e);
        return problem(ErrorCode.INTERNAL_ERROR, "The request failed unexpectedly; it was logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(ErrorCode.VALIDATION_FAILED, detail));
    }

    /** Not JSON, the wrong type, an unknown enum value, too deep: named by the JSON path when there is one. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = "the body is missing or is not JSON of the expected shape";
        if (e.getMostSpecificCause() instanceof JacksonException j) {
            String path = InputText.jsonPath(j);
            String what = j.getOriginalMessage() == null ? "" : j.getOriginalMessage().lines().findFirst().orElse("");
            detail = (path.isEmpty() ? "body" : path) + ": " + InputText.abbreviate(what, 300);
        }
        return ResponseEntity.badRequest().body(problem(ErrorCode.MALFORMED_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(problem(ErrorCode.VALIDATION_FAILED, name + ": must be a " + type));
    }

    /** Every other Spring MVC error keeps its status and gets the code for it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ErrorCode code = ErrorCode.forStatus(status.value());
        ProblemDetail p = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        p.setTitle(code.title());
        p.setType(type(code));
        p.setProperty("code", code.name());
        return super.handleExceptionInternal(e, p, headers, status, request);
    }

    static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status().value()), detail);
        p.setTitle(code.title());
        p.setType(type(code));
        p.setProperty("code", code.name());
        return p;
    }

    private static URI type(ErrorCode code) {
        return URI.create("https://crosswalk.dev/problems/" + code.name().toLowerCase().replace('_', '-'));
    }
}
