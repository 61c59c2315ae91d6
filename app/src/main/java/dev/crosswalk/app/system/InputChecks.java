package dev.crosswalk.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Applies {@link InputText} to everything a client sends before a controller sees it: every request
 * body (and its Bean Validation constraints, such as the names' {@code @Size}, whether or not the
 * controller asked for {@code @Valid}) and every query or form parameter. A failure is a
 * {@code VALIDATION_FAILED} problem naming the field — never a 500 from the database.
 */
@ControllerAdvice
public class InputChecks extends RequestBodyAdviceAdapter {
    private final Validator validator;

    InputChecks(Validator validator) {
        this.validator = validator;
    }

    /** Checks a value a controller built itself from a body (e.g. a JSON tree converted later). */
    public void check(Object body) {
        Optional<String> problem = InputText.problemIn(body);
        if (problem.isEmpty() && body != null && !(body instanceof JsonNode)) {
            Set<ConstraintViolation<Object>> violations = validator.validate(body);
            problem = violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage());
        }
        problem.ifPresent(p -> {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, p);
        });
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body);
        return body;
    }

    /** Query and form parameters (e.g. {@code q} of the record search) pass the same rules. */
    @Configuration(proxyBeanMethods = false)
    static class Parameters implements WebMvcConfigurer, HandlerInterceptor {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this).excludePathPatterns("/error");
        }

        /** API handlers get the problem from {@link ApiExceptionHandler}; pages get the error page, with a 400. */
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                for (String value : e.getValue()) {
                    Optional<String> problem = InputText.problemIn(e.getKey(), value)
                            .or(() -> InputText.problemIn("(parameter name)", e.getKey()));
                    if (problem.isEmpty()) {
                        continue;
                    }
                    if (handler instanceof HandlerMethod m && m.getBeanType().isAnnotationPresent(RestController.class)) {
                        throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, problem.get());
                    }
                    ErrorPages.showDetail(request, problem.get());
                    response.sendError(400);
                    return false;
                }
            }
            return true;
        }
    }
}
