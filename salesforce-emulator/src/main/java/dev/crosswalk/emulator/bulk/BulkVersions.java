package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Request;

/** Bulk API 2.0 resources exist from a given API version on (ingest 41.0, query 47.0); below, they do not. */
final class BulkVersions {
    private BulkVersions() {
    }

    static void require(Request req, int minMajor) {
        String v = req.apiVersion();
        if (v == null || Integer.parseInt(v.substring(0, v.indexOf('.'))) < minMajor) {
            throw ApiException.notFound();
        }
    }
}
