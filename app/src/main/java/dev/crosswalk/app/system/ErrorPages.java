package dev.crosswalk.app.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that reach the servlet container (no controller handled them: unknown paths, Tomcat's own
 * refusals, exceptions outside {@code @RestController}s, a direct {@code GET /error}) replace Spring
 * Boot's default error handling: {@code /api/**} answers an RFC 9457 problem with a stable code,
 * every other path a page from {@code templates/error.html}. Never a stack trace or an internal
 * message; a direct visit is a 404.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final String SAFE_DETAIL = ErrorPages.class.getName() + ".detail";

    /** Lets code that answers with {@code sendError} pass a detail it knows is safe to show. */
    static void showDetail(HttpServletRequest request, String detail) {
        request.setAttribute(SAFE_DETAIL, detail);
    }

    /** What the client is told: status, code and a detail that is safe to show. */
    record Shown(int status, ErrorCode code, String detail) {
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Shown shown = shown(request);
        if (wantsProblem(request)) {
            return ResponseEntity.status(shown.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiExceptionHandler.problem(shown.code(), shown.detail()));
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", shown.status(), "title", shown.code().title(),
                "detail", shown.detail(), "code", shown.code().name()));
        page.setStatus(HttpStatus.valueOf(shown.status()));
        return page;
    }

    static Shown shown(HttpServletRequest request) {
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Throwable cause = thrown instanceof Throwable t ? t : null;
        while (cause != null && !(cause instanceof CrosswalkException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof CrosswalkException c) {
            return new Shown(c.code().status().value(), c.code(), c.getMessage());
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code) || code < 400 || code > 599) {
            return new Shown(404, ErrorCode.NOT_FOUND, "There is nothing at this address.");
        }
        ErrorCode errorCode = ErrorCode.forStatus(code);
        if (request.getAttribute(SAFE_DETAIL) instanceof String detail) {
            return new Shown(code, errorCode, detail);
        }
        return new Shown(code, errorCode, code >= 500 ? "The request failed unexpectedly; it was logged."
                : code == 404 ? "There is nothing at this address." : errorCode.title() + ".");
    }

    /** API paths get problem+json; so does a client that asks for JSON and not HTML. */
    private static boolean wantsProblem(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        if (path.startsWith("/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
