package dev.crosswalk.app.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem from the security filters, which run before Spring MVC and so
 * before {@link ApiExceptionHandler}: the same shape and codes, built by the same method.
 */
final class ProblemEntryPoint {
    private final JsonMapper json;

    ProblemEntryPoint(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        ProblemDetail p = ApiExceptionHandler.problem(code, detail);
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(p));
    }
}
