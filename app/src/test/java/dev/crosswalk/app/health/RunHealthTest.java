package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.sync.RunProblem;
import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sync decides what a problem means for the run ({@link RunProblem}); health decides its code
 * and words ({@link Problems}). Both must agree, or a run would stop for a problem the integration
 * does not show as blocking (or the other way round).
 */
class RunHealthTest {
    private final RunHealth health = new RunHealth(null, new QuotaGuard(0.8, null), null, null, null);

    static Stream<RunProblem> problems() {
        List<ApiError> e = List.of(ApiError.of("SOME_CODE", "test"));
        return Stream.of(
                new RunProblem.Refused(null, new SalesforceError.AuthRevoked(400, e)),
                new RunProblem.Refused(null, new SalesforceError.AuthExpired(401, e)),
                new RunProblem.Refused(null, new SalesforceError.UserInactive(400, e)),
                new RunProblem.Refused(null, new SalesforceError.ApiDisabled(403, e)),
                new RunProblem.Refused(null, new SalesforceError.UntrustedInstanceUrl("evil.example", "not allowed")),
                new RunProblem.Refused("Account", new SalesforceError.RateLimited(403, e, SalesforceError.RateLimited.Scope.DAILY,
                        Optional.of(new LimitInfo(15_000, 15_000)))),
                new RunProblem.Refused("Account", new SalesforceError.Transient(0, List.of(ApiError.of("TIMEOUT", "bulk")))),
                new RunProblem.Refused("Lead", new SalesforceError.InsufficientAccess(403, e, Optional.of("Lead"), Optional.empty())),
                new RunProblem.Refused("Lead", new SalesforceError.NotFound(404, e)),
                new RunProblem.Refused("Lead", new SalesforceError.InvalidRequest(400, List.of(ApiError.of("INVALID_TYPE", "x")))),
                new RunProblem.Refused("Lead", new SalesforceError.InvalidRequest(400, List.of(ApiError.of("INVALID_FIELD", "x")))),
                new RunProblem.Refused("Lead", new SalesforceError.InvalidRequest(400, e)),
                new RunProblem.FieldMissing("Account", "Industry"),
                new RunProblem.NotStored("Account", "disk full"),
                new RunProblem.QuotaReached(new LimitInfo(12_500, 15_000)));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void the_runs_view_of_a_problem_matches_its_health_code(RunProblem p) {
        HealthCode code = health.problem(p, "integration@example.test").code();
        assertThat(p.stopsRun()).as("stops the run: %s", code).isEqualTo(code.stopsRun());
        assertThat(p.isTransient()).as("transient: %s", code).isEqualTo(code.isTransient());
        assertThat(p.isWarning()).as("warning: %s", code).isEqualTo(code.severity() == HealthCode.Severity.WARNING);
        assertThat(p.breaksConnection()).as("breaks the connection: %s", code).isEqualTo(code.scope() == HealthCode.Scope.CONNECTION);
    }
}
