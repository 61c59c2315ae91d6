package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceError.RateLimited.Scope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {

    private static SalesforceError classify(int status, String body) {
        return ErrorClassifier.classify(status, body, Optional.empty());
    }

    private static String rest(String code, String message) {
        return "[{\"message\":\"" + message + "\",\"errorCode\":\"" + code + "\"}]";
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            401 | INVALID_SESSION_ID              | Session expired or invalid                     | AuthExpired
            403 | REQUEST_LIMIT_EXCEEDED          | TotalRequests Limit exceeded.                  | RateLimited
            403 | API_CURRENTLY_DISABLED          | API is disabled for this User                  | ApiDisabled
            403 | API_DISABLED_FOR_ORG            | The REST API is not enabled for this Organization. | ApiDisabled
            403 | INSUFFICIENT_ACCESS             | insufficient access rights on entity           | InsufficientAccess
            400 | INSUFFICIENT_ACCESS_OR_READONLY | insufficient access rights on object id        | InsufficientAccess
            400 | UNABLE_TO_LOCK_ROW              | unable to obtain exclusive access to this record | Transient
            503 | SERVER_UNAVAILABLE              | Server unavailable                             | Transient
            500 | UNKNOWN_EXCEPTION               | An unexpected error occurred                   | Transient
            400 | MALFORMED_QUERY                 | unexpected token: FORM                         | InvalidRequest
            400 | INVALID_FIELD                   | No such column 'Foo' on entity 'Account'       | InvalidRequest
            400 | INVALID_TYPE                    | sObject type 'Foo' is not supported.           | InvalidRequest
            400 | REQUIRED_FIELD_MISSING          | Required fields are missing: [Name]            | InvalidRequest
            404 | NOT_FOUND                       | The requested resource does not exist          | NotFound
            404 | ENTITY_IS_DELETED               | entity is deleted                              | NotFound
            """)
    void rest_errors_are_classified_by_code_then_status(int status, String code, String message, String kind) {
        SalesforceError error = classify(status, rest(code, message));
        assertThat(error.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.message()).isEqualTo(message);
        });
    }

    @ParameterizedTest(name = "invalid_grant / {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            expired access/refresh token | AuthRevoked
            inactive user                | UserInactive
            user is frozen               | UserInactive
            token was revoked            | AuthRevoked
            expired authorization code   | AuthExpired
            ip restricted                | AuthRevoked
            authentication failure       | AuthRevoked
            """)
    void invalid_grant_is_split_by_its_description(String description, String kind) {
        SalesforceError error = classify(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}");
        assertThat(error.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(error.needsReauthorization()).isTrue();
        assertThat(error.isTransient()).isFalse();
    }

    @Test
    void a_pkce_mismatch_is_our_bug_not_a_reason_to_reauthorize() {
        SalesforceError error = classify(400, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid code verifier\"}");
        assertThat(error).isInstanceOf(SalesforceError.InvalidRequest.class);
    }

    @ParameterizedTest(name = "oauth {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid_client_id     | InvalidRequest
            invalid_client        | InvalidRequest
            redirect_uri_mismatch | InvalidRequest
            unsupported_grant_type| InvalidRequest
            inactive_org          | ApiDisabled
            rate_limit_exceeded   | RateLimited
            """)
    void other_oauth_errors(String code, String kind) {
        assertThat(classify(400, "{\"error\":\"" + code + "\",\"error_description\":\"x\"}").getClass().getSimpleName())
                .isEqualTo(kind);
    }

    @Nested
    class Status_without_a_known_code {
        @Test
        void any_5xx_is_transient_even_with_an_html_body() {
            SalesforceError e = classify(502, "<html>Bad gateway</html>");
            assertThat(e).isInstanceOf(SalesforceError.Transient.class);
            assertThat(e.message()).doesNotContain("html").contains("non-JSON");
        }

        @Test
        void an_empty_401_is_an_expired_session() {
            assertThat(classify(401, "")).isInstanceOf(SalesforceError.AuthExpired.class);
        }

        @Test
        void an_unknown_403_is_insufficient_access() {
            assertThat(classify(403, rest("SOMETHING_NEW", "no"))).isInstanceOf(SalesforceError.InsufficientAccess.class);
        }

        @Test
        void an_unknown_400_is_an_invalid_request() {
            assertThat(classify(400, rest("DUPLICATE_VALUE", "dup"))).isInstanceOf(SalesforceError.InvalidRequest.class);
        }

        @Test
        void a_single_error_object_instead_of_an_array_is_read_too() {
            SalesforceError e = classify(404, "{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}");
            assertThat(e).isInstanceOf(SalesforceError.NotFound.class);
            assertThat(e.first()).get().extracting(x -> x.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class Details {
        @Test
        void rate_limit_carries_scope_and_limit_info() {
            SalesforceError e = ErrorClassifier.classify(403, rest("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
                    Optional.of(new LimitInfo(15001, 15000)));
            assertThat(e).isInstanceOfSatisfying(SalesforceError.RateLimited.class, r -> {
                assertThat(r.scope()).isEqualTo(Scope.DAILY);
                assertThat(r.limitInfo()).contains(new LimitInfo(15001, 15000));
            });
            SalesforceError c = classify(403, rest("REQUEST_LIMIT_EXCEEDED",
                    "ConcurrentRequests (Concurrent API Requests) Limit exceeded."));
            assertThat(((SalesforceError.RateLimited) c).scope()).isEqualTo(Scope.CONCURRENT);
        }

        @Test
        void insufficient_access_names_object_and_field_when_salesforce_does() {
            SalesforceError e = classify(400, "[{\"message\":\"insufficient access rights on object id\","
                    + "\"errorCode\":\"INSUFFICIENT_ACCESS_OR_READONLY\",\"fields\":[\"Account.Industry\"]}]");
            assertThat(e).isInstanceOfSatisfying(SalesforceError.InsufficientAccess.class, a -> {
                assertThat(a.object()).contains("Account");
                assertThat(a.field()).contains("Industry");
            });
            SalesforceError byMessage = classify(403, rest("INSUFFICIENT_ACCESS", "insufficient access rights on entity Lead"));
            assertThat(((SalesforceError.InsufficientAccess) byMessage).object()).contains("Lead");
            SalesforceError none = classify(403, rest("INSUFFICIENT_ACCESS", "insufficient access rights on object id"));
            assertThat(((SalesforceError.InsufficientAccess) none).object()).isEmpty();
        }

        @Test
        void collection_results_use_statusCode_instead_of_errorCode() {
            var e = ErrorClassifier.parseErrors(200, "[{\"statusCode\":\"REQUIRED_FIELD_MISSING\",\"message\":\"m\",\"fields\":[\"LastName\"]}]"
                    .getBytes());
            assertThat(e).singleElement().satisfies(x -> {
                assertThat(x.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
                assertThat(x.fields()).containsExactly("LastName");
            });
        }

        @Test
        void only_whitelisted_fields_reach_the_message() {
            SalesforceError e = classify(400, "[{\"errorCode\":\"X\",\"message\":\"m\",\"secret\":\"00D!token\"}]");
            assertThat(e.message()).doesNotContain("token").contains("X: m");
        }
    }
}
