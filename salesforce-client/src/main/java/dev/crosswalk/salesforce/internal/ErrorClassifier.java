package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceError.RateLimited.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE place where a Salesforce error response becomes a {@link SalesforceError}. Reads the
 * three body shapes Salesforce uses (REST array {@code [{errorCode,message,fields}]}, a single
 * such object, OAuth {@code {error,error_description}}), keeps only those whitelisted fields,
 * then classifies by error code first and HTTP status second.
 */
public final class ErrorClassifier {

    private static final Set<String> TRANSIENT_CODES = Set.of(
            "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "SERVICE_UNAVAILABLE", "UNKNOWN_EXCEPTION",
            "TIMEOUT", "IO_ERROR", "temporarily_unavailable", "server_error");
    private static final Set<String> API_DISABLED_CODES = Set.of(
            "API_CURRENTLY_DISABLED", "API_DISABLED_FOR_ORG", "inactive_org", "FUNCTIONALITY_NOT_ENABLED");
    private static final Set<String> RATE_LIMIT_CODES = Set.of("REQUEST_LIMIT_EXCEEDED", "rate_limit_exceeded",
            "TXN_SECURITY_METERING_ERROR");
    private static final Set<String> NOT_FOUND_CODES = Set.of("NOT_FOUND", "ENTITY_IS_DELETED");

    // "... on entity 'Account'", "sObject type 'Account'", "object Account" – but not "on object id".
    private static final Pattern OBJECT_IN_MESSAGE =
            Pattern.compile("(?i)(?:entity|object|sobject type)\\s+'?([A-Za-z][A-Za-z0-9_]*)'?");

    private ErrorClassifier() {
    }

    // ---- the errors that have no (usable) Salesforce error body: named, so nobody invents statuses ----

    /** The request did not complete in time (no response). */
    public static SalesforceError.Transient timeout(String what) {
        return new SalesforceError.Transient(0, List.of(ApiError.of("TIMEOUT", what)));
    }

    /** The connection failed or was interrupted (no complete response). */
    public static SalesforceError.Transient ioFailure(String what) {
        return new SalesforceError.Transient(0, List.of(ApiError.of("IO_ERROR", what)));
    }

    /** Salesforce named an instance host outside the allow-list; nothing was sent there. */
    public static SalesforceError.UntrustedInstanceUrl untrusted(String host, String reason) {
        return new SalesforceError.UntrustedInstanceUrl(host, reason);
    }

    /** A refresh was needed but the connection holds no refresh token. */
    public static SalesforceError.AuthExpired noRefreshToken() {
        return new SalesforceError.AuthExpired(0, List.of(
                ApiError.of("NO_REFRESH_TOKEN", "the connection has no refresh token; reauthorize")));
    }

    /** A 401 with no refresh token to renew the session with. */
    public static SalesforceError.AuthExpired sessionExpiredWithoutRefresh() {
        return new SalesforceError.AuthExpired(401, List.of(ApiError.of("INVALID_SESSION_ID",
                "Session expired or invalid and no refresh token is available")));
    }

    /** The org offers no API version up to the one the client is configured for. */
    public static SalesforceError.InvalidRequest unsupportedApiVersion(String highest) {
        return new SalesforceError.InvalidRequest(0, List.of(ApiError.of("UNSUPPORTED_API_VERSION",
                "the org supports no API version ≤ " + highest)));
    }

    /** An upsert by external id matched several records (HTTP 300, which carries no error body). */
    public static SalesforceError.InvalidRequest multipleMatches(String externalIdField) {
        return new SalesforceError.InvalidRequest(300, List.of(ApiError.of("MULTIPLE_CHOICES",
                "external id " + externalIdField + " matched more than one record")));
    }

    /** A Bulk API job ended in a state other than JobComplete ({@code state} is its wire name, upper case). */
    public static SalesforceError.InvalidRequest bulkJobEnded(String state, String message) {
        return new SalesforceError.InvalidRequest(0, List.of(ApiError.of("BULK_JOB_" + state, message)));
    }

    /** A Bulk API job was still running at the caller's deadline. */
    public static SalesforceError.Transient bulkJobTimeout(String message) {
        return new SalesforceError.Transient(0, List.of(ApiError.of("BULK_JOB_TIMEOUT", message)));
    }

    /** A 200 token response without the access token or instance URL. */
    public static SalesforceError.InvalidRequest invalidTokenResponse() {
        return new SalesforceError.InvalidRequest(200, List.of(ApiError.of("INVALID_TOKEN_RESPONSE",
                "token response lacks access_token or instance_url")));
    }

    /** A body that should be JSON and is not. */
    public static SalesforceError.InvalidRequest unparseable(int status) {
        return new SalesforceError.InvalidRequest(status, List.of(ApiError.of("UNPARSEABLE_RESPONSE",
                "Salesforce returned a body that is not JSON")));
    }

    /** A CSV result body that cannot be parsed. */
    public static SalesforceError.InvalidRequest malformedCsv(String what) {
        return new SalesforceError.InvalidRequest(0, List.of(ApiError.of("MALFORMED_CSV", "malformed CSV in response: " + what)));
    }

    public static SalesforceError classify(int status, byte[] body, Optional<LimitInfo> limitInfo) {
        return classify(status, parseErrors(status, body), limitInfo);
    }

    public static SalesforceError classify(int status, String body, Optional<LimitInfo> limitInfo) {
        return classify(status, body == null ? null : body.getBytes(StandardCharsets.UTF_8), limitInfo);
    }

    public static SalesforceError classify(int status, List<ApiError> errors, Optional<LimitInfo> limitInfo) {
        ApiError first = errors.isEmpty() ? null : errors.get(0);
        String code = first == null ? "" : first.errorCode();

        if (hasCode(errors, "invalid_grant")) {
            return invalidGrant(status, errors);
        }
        if (status == 401 || hasCode(errors, "INVALID_SESSION_ID") || hasCode(errors, "invalid_token")) {
            return new SalesforceError.AuthExpired(status, errors);
        }
        if (anyCode(errors, RATE_LIMIT_CODES)) {
            return new SalesforceError.RateLimited(status, errors, rateLimitScope(errors), limitInfo);
        }
        if (anyCode(errors, API_DISABLED_CODES)) {
            return new SalesforceError.ApiDisabled(status, errors);
        }
        if (anyCode(errors, TRANSIENT_CODES) || status >= 500 || status == 429 || status == 408) {
            return new SalesforceError.Transient(status, errors);
        }
        if (code.startsWith("INSUFFICIENT_ACCESS") || hasPrefix(errors, "INSUFFICIENT_ACCESS") || status == 403) {
            return insufficientAccess(status, errors);
        }
        if (anyCode(errors, NOT_FOUND_CODES) || status == 404 || status == 410) {
            return new SalesforceError.NotFound(status, errors);
        }
        return new SalesforceError.InvalidRequest(status, errors);
    }

    /** Salesforce uses one error for many causes; the description tells them apart. */
    private static SalesforceError invalidGrant(int status, List<ApiError> errors) {
        String description = errors.stream().filter(e -> e.is("invalid_grant")).findFirst()
                .map(ApiError::message).orElse("").toLowerCase(Locale.ROOT);
        if (description.contains("code verifier") || description.contains("code_verifier")) {
            // A PKCE mismatch is our bug, not the user's: nothing to reauthorize.
            return new SalesforceError.InvalidRequest(status, errors);
        }
        if (description.contains("inactive") || description.contains("frozen")) {
            return new SalesforceError.UserInactive(status, errors);
        }
        // "expired access/refresh token" is what Salesforce answers for a revoked refresh token, one
        // expired by policy, and a rotated one used twice: for the admin all mean "reconnect".
        if (description.contains("expired access/refresh token") || description.contains("revoked")) {
            return new SalesforceError.AuthRevoked(status, errors);
        }
        if (description.contains("expired")) {
            return new SalesforceError.AuthExpired(status, errors);
        }
        return new SalesforceError.AuthRevoked(status, errors);
    }

    private static Scope rateLimitScope(List<ApiError> errors) {
        String msg = errors.isEmpty() ? "" : errors.get(0).message().toLowerCase(Locale.ROOT);
        if (msg.contains("concurrent")) {
            return Scope.CONCURRENT;
        }
        if (msg.contains("totalrequests") || msg.contains("daily") || msg.contains("total requests")) {
            return Scope.DAILY;
        }
        return Scope.OTHER;
    }

    private static SalesforceError insufficientAccess(int status, List<ApiError> errors) {
        Optional<String> object = Optional.empty();
        Optional<String> field = Optional.empty();
        for (ApiError e : errors) {
            for (String f : e.fields()) {
                int dot = f.indexOf('.');
                if (dot > 0) {
                    object = object.or(() -> Optional.of(f.substring(0, dot)));
                    field = field.or(() -> Optional.of(f.substring(dot + 1)));
                } else {
                    field = field.or(() -> Optional.of(f));
                }
            }
            if (object.isEmpty()) {
                Matcher m = OBJECT_IN_MESSAGE.matcher(e.message());
                while (m.find()) {
                    String candidate = m.group(1);
                    if (!candidate.equalsIgnoreCase("id") && !candidate.equalsIgnoreCase("type")) {
                        object = Optional.of(candidate);
                        break;
                    }
                }
            }
        }
        return new SalesforceError.InsufficientAccess(status, errors, object, field);
    }

    private static boolean hasCode(List<ApiError> errors, String code) {
        return errors.stream().anyMatch(e -> e.is(code));
    }

    private static boolean anyCode(List<ApiError> errors, Set<String> codes) {
        return errors.stream().anyMatch(e -> codes.contains(e.errorCode()));
    }

    private static boolean hasPrefix(List<ApiError> errors, String prefix) {
        return errors.stream().anyMatch(e -> e.errorCode().startsWith(prefix));
    }

    // ---- body parsing (whitelist: code, message, fields) ----------------------------------------

    public static List<ApiError> parseErrors(int status, byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (JacksonException e) {
            // Not JSON (an HTML error page from a proxy, say): do not echo it, it may contain anything.
            return List.of(ApiError.of("HTTP_" + status, "non-JSON error response"));
        }
        List<ApiError> out = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode n : root) {
                out.add(fromNode(n));
            }
        } else if (root.isObject()) {
            if (root.has("error") && root.get("error").isString()) {
                out.add(ApiError.of(Json.text(root, "error"), Json.text(root, "error_description")));
            } else if (root.has("errors") && root.get("errors").isArray()) {
                for (JsonNode n : root.get("errors")) {
                    out.add(fromNode(n));
                }
            } else {
                out.add(fromNode(root));
            }
        }
        return out;
    }

    /** One REST/collection error entry: {@code errorCode} or (in collections) {@code statusCode}. */
    public static ApiError fromNode(JsonNode n) {
        String code = Json.text(n, "errorCode");
        if (code == null) {
            code = Json.text(n, "statusCode");
        }
        List<String> fields = new ArrayList<>();
        JsonNode f = n.get("fields");
        if (f != null && f.isArray()) {
            f.forEach(x -> fields.add(x.asString()));
        }
        return ApiError.of(code, Json.text(n, "message"), fields);
    }
}
