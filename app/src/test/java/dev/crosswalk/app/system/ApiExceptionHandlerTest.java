package dev.crosswalk.app.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Failures during a user's request that are not input errors still answer as problems with a code. */
class ApiExceptionHandlerTest {

    @RestController
    static class Failing {
        @GetMapping("/api/v1/test/salesforce")
        String salesforce() {
            throw new SalesforceException(new SalesforceError.InvalidRequest(400,
                    List.of(new ApiError("MALFORMED_QUERY", "unexpected token: FROM", List.of()))));
        }

        @GetMapping("/api/v1/test/bug")
        String bug() {
            throw new IllegalStateException("internal detail that must not leak");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void a_salesforce_failure_is_a_502_problem_naming_salesforces_error_code() throws Exception {
        mvc.perform(get("/api/v1/test/salesforce"))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SALESFORCE_ERROR"))
                .andExpect(jsonPath("$.salesforceErrorCode").value("MALFORMED_QUERY"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MALFORMED_QUERY")));
    }

    @Test
    void an_unexpected_failure_is_a_problem_without_internals() throws Exception {
        mvc.perform(get("/api/v1/test/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("internal detail"))));
    }
}
