package dev.crosswalk.app.web;

import dev.crosswalk.app.system.CrosswalkException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of the web pages become the styled error pages with the right status: an unknown or
 * foreign id is a 404 page, a role that may not act a 403 page — never a Whitelabel page or JSON.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
// Before Spring Boot's problem-details advice, which would answer these pages with JSON.
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {
    private final Shell shell;

    WebErrors(Shell shell) {
        this.shell = shell;
    }

    @ExceptionHandler(CrosswalkException.class)
    ModelAndView crosswalk(CrosswalkException e, HttpServletResponse response) {
        return switch (e.code()) {
            case NOT_FOUND -> page(HttpStatus.NOT_FOUND, "error", null, response);
            case FORBIDDEN -> page(HttpStatus.FORBIDDEN, "error", e.getMessage(), response);
            default -> page(e.code().status(), "error", e.getMessage(), response);
        };
    }

    /** A malformed id in the URL is a page that does not exist. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "error", null, response);
    }

    private ModelAndView page(HttpStatus status, String view, String detail, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        mav.addObject("shell", shell.current());
        return mav;
    }
}
