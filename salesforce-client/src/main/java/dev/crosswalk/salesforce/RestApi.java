package dev.crosswalk.salesforce;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Salesforce REST resources under {@code /services/data/vXX.X/}, one method per resource.
 * Every call updates {@link SalesforceConnection#lastLimitInfo()} from {@code Sforce-Limit-Info}.
 */
public interface RestApi {

    /** Records per sObject Collections call (Salesforce's cap). */
    int COLLECTION_CHUNK = 200;

    /** {@code GET /services/data/}: versions the org supports, oldest first. */
    List<ApiVersion> versions();

    /**
     * The highest version the org supports that is ≤ the configured one; the connection uses it
     * for every later call.
     */
    String negotiateVersion();

    /** The version this connection currently uses, like {@code "62.0"}. */
    String apiVersion();

    /** {@code GET /sobjects}: objects visible to the user. */
    List<SObjectSummary> describeGlobal();

    /** {@code GET /sobjects/{name}/describe}. */
    SObjectDescribe describe(String sobject);

    /**
     * The describes of several objects in one {@code POST /composite/batch} (one API request against the
     * org's daily limit instead of one per object; at most 25), in the order asked. Throws, as
     * {@link #describe(String)} does, with the error of the first object that could not be described.
     */
    List<SObjectDescribe> describe(List<String> sobjects);

    /**
     * {@code GET /query?q=} then {@code nextRecordsUrl} page by page, lazily: the next page is
     * fetched only when the stream reaches it. Close the stream (try-with-resources) if you stop early.
     */
    Stream<JsonNode> query(String soql);

    /** {@code GET /queryAll?q=}: like {@link #query} but including deleted (recycle bin) records. */
    Stream<JsonNode> queryAll(String soql);

    /** {@code POST /composite/sobjects} in chunks of 200; results in input order. */
    List<SaveResult> create(List<SObjectRecord> records, boolean allOrNone);

    /** {@code PATCH /composite/sobjects} in chunks of 200; every record needs an id. */
    List<SaveResult> update(List<SObjectRecord> records, boolean allOrNone);

    /** {@code PATCH /composite/sobjects/{type}/{externalIdField}} in chunks of 200. */
    List<SaveResult> upsert(String sobject, String externalIdField, List<Map<String, Object>> records,
                            boolean allOrNone);

    /** {@code DELETE /composite/sobjects?ids=} in chunks of 200. */
    List<SaveResult> delete(List<String> ids, boolean allOrNone);

    /** {@code PATCH /sobjects/{type}/{externalIdField}/{value}}: one record by external id. */
    SaveResult upsert(String sobject, String externalIdField, String externalIdValue, Map<String, Object> fields);

    /** {@code GET /limits}. */
    Limits limits();
}
