package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.ApiUsage;
import dev.crosswalk.emulator.security.EffectiveAccess;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /limits}: {@code {"<Name>": {"Max": n, "Remaining": n}, …}}. {@code DailyApiRequests}
 * is the org's live allocation (this call already counted); the other pools are not consumed by the
 * emulator and report full allocations of an Enterprise org.
 *
 * <p>Salesforce documents that the resource needs "View Setup and Configuration" and that the
 * storage entries need "Manage Users". Without View Setup the call is refused with 403
 * {@code INSUFFICIENT_ACCESS} [UNCONFIRMED: error code]; without Manage Users the storage entries
 * are left out.
 */
final class LimitsRoutes {
    private LimitsRoutes() {
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        router.get("/services/data/{version}/limits", gate.protect(req -> limits(state, req)));
    }

    private static Response limits(EmulatorState state, Request req) {
        Session s = req.session();
        EffectiveAccess access = state.permissions().access(s.org(), s.userId());
        boolean modifyAll = access.has("PermissionsModifyAllData");
        if (!access.has("PermissionsViewSetup") && !modifyAll) {
            throw ApiException.of(403, "INSUFFICIENT_ACCESS", "insufficient access rights on entity");
        }
        ApiUsage usage = s.org().apiUsage();
        ObjectNode n = Json.object();
        limit(n, "ActiveScratchOrgs", 3, 3);
        limit(n, "AnalyticsExternalDataSizeMB", 40960, 40960);
        limit(n, "ConcurrentAsyncGetReportInstances", 200, 200);
        limit(n, "ConcurrentSyncReportRuns", 20, 20);
        limit(n, "DailyAnalyticsDataflowJobExecutions", 60, 60);
        limit(n, "DailyApiRequests", usage.max(), Math.max(0, usage.max() - usage.used()));
        limit(n, "DailyAsyncApexExecutions", 250000, 250000);
        limit(n, "DailyAsyncApexTests", 500, 500);
        limit(n, "DailyBulkApiBatches", 15000, 15000);
        limit(n, "DailyBulkV2QueryFileStorageMB", 976562, 976562);
        limit(n, "DailyBulkV2QueryJobs", 10000, 10000);
        limit(n, "DailyDeliveredPlatformEvents", 50000, 50000);
        limit(n, "DailyDurableGenericStreamingApiEvents", 10000, 10000);
        limit(n, "DailyDurableStreamingApiEvents", 10000, 10000);
        limit(n, "DailyGenericStreamingApiEvents", 10000, 10000);
        limit(n, "DailyScratchOrgs", 6, 6);
        limit(n, "DailyStandardVolumePlatformEvents", 10000, 10000);
        limit(n, "DailyStreamingApiEvents", 10000, 10000);
        limit(n, "DailyWorkflowEmails", 100000, 100000);
        if (access.has("PermissionsManageUsers") || modifyAll) {
            limit(n, "DataStorageMB", 1024, 1024);
        }
        limit(n, "DurableStreamingApiConcurrentClients", 1000, 1000);
        if (access.has("PermissionsManageUsers") || modifyAll) {
            limit(n, "FileStorageMB", 10240, 10240);
        }
        limit(n, "HourlyAsyncReportRuns", 1200, 1200);
        limit(n, "HourlyDashboardRefreshes", 200, 200);
        limit(n, "HourlyDashboardResults", 5000, 5000);
        limit(n, "HourlyDashboardStatuses", 999999999, 999999999);
        limit(n, "HourlyODataCallout", 10000, 10000);
        limit(n, "HourlyPublishedPlatformEvents", 250000, 250000);
        limit(n, "HourlySyncReportRuns", 500, 500);
        limit(n, "HourlyTimeBasedWorkflow", 1000, 1000);
        limit(n, "MassEmail", 5000, 5000);
        limit(n, "Package2VersionCreates", 6, 6);
        limit(n, "PermissionTypes", 30000, 30000);
        limit(n, "SingleEmail", 5000, 5000);
        limit(n, "StreamingApiConcurrentClients", 1000, 1000);
        return Response.json(200, n);
    }

    private static void limit(ObjectNode n, String name, long max, long remaining) {
        ObjectNode l = n.putObject(name);
        l.put("Max", max);
        l.put("Remaining", remaining);
    }
}
