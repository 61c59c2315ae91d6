/**
 * Bulk API 2.0 of the emulator (query jobs and ingest jobs) and Bulk API 1.0 (jobs and batches under
 * {@code /services/async/XX.X/job}), registered by {@link dev.crosswalk.emulator.bulk.BulkEndpoints}; every
 * route passes the API gate's checks (version, session, API access, daily allocation: Bulk calls count like
 * REST calls).
 *
 * <h2>Module map</h2>
 * <ul>
 *   <li>{@code QueryJobEndpoints} → {@code QueryJobs} (registry, background run, result pages) →
 *       {@code QueryJob} (state machine, captured rows); {@code SoqlQueryPlanner} compiles the SOQL with the
 *       shared engine and the caller's permissions into a {@code QueryPlan}.</li>
 *   <li>{@code IngestJobEndpoints} → {@code IngestJobs} (registry, uploads, state changes, result files) →
 *       {@code IngestJob}; {@code IngestProcessor} parses ({@code IngestCsv}, commons-csv) and writes rows
 *       through {@link dev.crosswalk.emulator.data.DataService} in chunks of 200.</li>
 *   <li>{@code CsvOut}: the hand-rolled CSV encoder for results; {@code Locator}: result-page locators;
 *       {@code BulkSettings}: tunables (processing delay, default page size, upload limit, list page size).</li>
 *   <li>{@code RowWriter}: the row-writing path both APIs share (header checks, duplicate external ids,
 *       insert/update/upsert/delete/hardDelete through {@code DataService}, per-row results).</li>
 *   <li>Bulk API 1.0: {@code AsyncEndpoints} (routes, {@code X-SFDC-Session}, the gate's failures as
 *       Bulk 1.0 errors) → {@code AsyncJobs} (registry, batch processing, PK chunking) → {@code AsyncJob} /
 *       {@code AsyncBatch} (states); {@code AsyncInput} reads jobInfo and CSV/XML/JSON batches into
 *       header-and-cells rows, {@code AsyncOutput} writes jobInfo, batchInfo(List), results and query results.</li>
 * </ul>
 *
 * <h2>Bulk API 1.0: behaviour chosen where Salesforce documents none</h2>
 * <ul>
 *   <li>Every error is HTTP 400 with {@code <error><exceptionCode/><exceptionMessage/></error>} (JSON:
 *       the same two keys) except an unknown API version (404 {@code InvalidVersion}). Codes:
 *       {@code InvalidSessionId}, {@code FeatureNotEnabled} (API access off), {@code ExceededQuota},
 *       {@code InvalidJob} (unknown job, object, operation, external id, content type, chunk size; hardDelete
 *       without "Bulk API Hard Delete"), {@code InvalidJobState} (batch to a closed job, close an aborted one),
 *       {@code InvalidBatch} (unknown batch, content type not the job's, over 10 MB, results of a batch not
 *       {@code Completed}: "Batch not completed").</li>
 *   <li>Batches are processed on the Bulk executor as soon as they are added (Queued → InProgress →
 *       Completed/Failed), open job or not. A batch whose header names an unknown field, or over 10,000
 *       records, or with unreadable data fails as a whole with that {@code stateMessage}; row errors fail rows.
 *       Aborting a job turns its queued batches NotProcessed.</li>
 *   <li>Responses are JSON for JSON jobs, XML otherwise (CSV jobs included, but ingest results of a CSV job
 *       are CSV). Query results come in the job's content type; an empty CSV result is the text
 *       {@code Records not found for this query}; JSON results give datetimes and dates as epoch milliseconds.</li>
 *   <li>PK chunking ({@code Sforce-Enable-PKChunking: true | chunkSize=N}, N ≤ 250,000, on query jobs of the
 *       documented standard objects and custom objects): the object's ids, sorted, are cut into ranges of N; each
 *       range is a batch whose request shows the query with {@code Id >= … AND Id < …}; its rows are the
 *       original query's rows in that range. The original batch ends NotProcessed.</li>
 * </ul>
 *
 * <h2>Behaviour chosen where Salesforce documents none (salesforce-api.md §6.4, §7, §11)</h2>
 * <ul>
 *   <li>Bad SOQL is refused when the job is created: HTTP 400 with the SOQL error's own code
 *       ({@code INVALID_FIELD}, {@code MALFORMED_QUERY}, {@code INVALID_TYPE}, {@code API_ERROR} for
 *       COUNT()/OFFSET/GROUP BY), the same body REST {@code /query} gives.</li>
 *   <li>Invalid job requests (operation, delimiter, object, external id field, content type): 400
 *       {@code INVALIDJOB}. Actions the state forbids (abort a finished job, upload to a closed one,
 *       delete a running or open job): 400 {@code INVALIDJOBSTATE}.</li>
 *   <li>Results before {@code JobComplete}: 412 {@code INVALIDJOBSTATE}; with another API version than the
 *       job's: 409 {@code INVALIDJOB}. A bad locator: 400 {@code INVALID_LOCATOR}; a bad {@code maxRecords}:
 *       400 {@code INVALIDPARAMETER}.</li>
 *   <li>Result CSV: header row on every page, in SELECT order ({@code Owner.Name} for parent fields);
 *       every cell double-quoted, quotes doubled; null is {@code ""} (the same as an empty string, which
 *       Salesforce text fields do not tell apart); booleans {@code true}/{@code false}; dates
 *       {@code 2024-01-31}; datetimes {@code 2024-01-31T09:05:00.000Z}; numbers without exponent, whole
 *       doubles without a fraction. The job's delimiter and line ending apply, also to ingest result files.</li>
 *   <li>Locators are the base64 of the next row offset ({@code MTAwMDA} = row 10000), {@code null} at the end;
 *       a job's rows never change after it completes, so a locator fetches the same page again. Default
 *       page: 100,000 rows.</li>
 *   <li>A query job evaluates its SOQL once, under the org's read lock, keeping references to the stored
 *       records: later edits to those records show in later pages, new records do not. Pages are rendered
 *       in batches of 2,048 rows under the read lock and written outside it.</li>
 *   <li>Ingest: an upload over the limit (100 MB of CSV, Salesforce's 150 MB after base64) is refused with
 *       400 {@code INVALIDJOB} and the job stays Open. A header naming an unknown field fails the job
 *       ({@code InvalidBatch : Field name not found : Foo}), as does a line ending other than the job's
 *       ({@code ClientInputError : LineEnding is invalid on user data…}); their rows become unprocessed
 *       records. A row with the wrong number of cells fails alone ({@code INVALID_INPUT}). An external id
 *       that occurs more than once in the job's data fails every such row
 *       ({@code DUPLICATE_EXTERNAL_ID:Duplicate external id specified: X:Ext__c --}). {@code sf__Error}
 *       is {@code CODE:message:field1,field2 --} ({@code CODE:message:--} without fields).</li>
 *   <li>Jobs run on two daemon threads right after {@code UploadComplete} (after
 *       {@link dev.crosswalk.emulator.bulk.BulkSettings#processingDelay()} if set); they are kept in memory
 *       only and are not part of saved state.</li>
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 *   <li>Record values and parent lookups are only stable under the org's read lock: never read job rows
 *       outside {@code org.read(...)}.</li>
 *   <li>The create response always says {@code UploadComplete}, even if the job already ran: clients
 *       expect to poll.</li>
 *   <li>Salesforce's {@code numberRecordsProcessed} for ingest counts failed rows too.</li>
 *   <li>Bulk API 1.0: the add-batch response always says {@code Queued} (its info is taken before the batch is
 *       scheduled); a CSV job answers in XML except for ingest results; the session may come as
 *       {@code X-SFDC-Session}, so never read it through {@code ApiGate.protect}, which knows only bearer tokens.</li>
 * </ul>
 */
package dev.crosswalk.emulator.bulk;
