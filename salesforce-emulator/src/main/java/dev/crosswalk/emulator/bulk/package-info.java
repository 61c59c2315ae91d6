/**
 * Bulk API 2.0 of the emulator: query jobs and ingest jobs, registered by {@link
 * dev.crosswalk.emulator.bulk.BulkEndpoints}; every route passes the API gate (version, session, API
 * access, daily allocation: Bulk calls count like REST calls).
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
 * </ul>
 */
package dev.crosswalk.emulator.bulk;
