package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ErrorClassifier;
import dev.crosswalk.salesforce.internal.ApiCall;
import dev.crosswalk.salesforce.internal.ApiCaller;
import dev.crosswalk.salesforce.internal.ApiResponse;
import dev.crosswalk.salesforce.internal.CsvReader;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** {@link BulkQueryApi}: results stream page by page through {@link CsvReader}. */
final class DefaultBulkQueryApi implements BulkQueryApi {

    static final String LOCATOR_HEADER = "Sforce-Locator";

    private final ClientConfig config;
    private final ApiCaller caller;
    private final BulkJobs jobs;

    DefaultBulkQueryApi(ClientConfig config, ApiCaller caller, DefaultRestApi rest) {
        this.config = config;
        this.caller = caller;
        this.jobs = new BulkJobs(config, caller, rest, "query");
    }

    @Override
    public BulkJob create(String soql, boolean includeDeleted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", includeDeleted ? "queryAll" : "query");
        body.put("query", soql);
        return jobs.create(body);
    }

    @Override
    public BulkJob get(String jobId) {
        return jobs.get(jobId);
    }

    @Override
    public BulkJob awaitCompletion(String jobId, Duration timeout) {
        return jobs.await(jobId, timeout);
    }

    @Override
    public CloseableIterator<Row> results(String jobId) {
        return new ResultPages(jobId);
    }

    @Override
    public BulkJob abort(String jobId) {
        return jobs.setState(jobId, JobState.ABORTED);
    }

    @Override
    public void delete(String jobId) {
        jobs.delete(jobId);
    }

    @Override
    public CloseableIterator<Row> query(String soql, boolean includeDeleted, Duration timeout) {
        return query(soql, includeDeleted, timeout, rows -> { });
    }

    @Override
    public CloseableIterator<Row> query(String soql, boolean includeDeleted, Duration timeout,
            java.util.function.LongConsumer rowsInResult) {
        BulkJob job = create(soql, includeDeleted);
        BulkJob done = BulkJobs.requireComplete(jobs.awaitQuery(job.id(), timeout, objectOf(soql)));
        rowsInResult.accept(done.numberRecordsProcessed());
        return results(job.id());
    }

    /** The object a SOQL query reads (the word after its first FROM), for timing the polls of its jobs. */
    static String objectOf(String soql) {
        java.util.regex.Matcher m = FROM.matcher(soql);
        return m.find() ? m.group(1) : "";
    }

    private static final java.util.regex.Pattern FROM =
            java.util.regex.Pattern.compile("\\bFROM\\s+([A-Za-z0-9_]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Walks the result pages. Only the current page's stream is open; each page is requested with
     * a freshly built Authorization header (via the auth interceptor), so a token that expires
     * during a long download is refreshed and the same locator fetched again. If the connection
     * breaks mid-page, the page is fetched again and the rows already returned are skipped.
     */
    private final class ResultPages implements CloseableIterator<Row> {
        private final String jobId;
        private String locator;          // locator of the current page (null = first page)
        private String nextLocator;      // from Sforce-Locator of the current page
        private boolean lastPage;
        private CsvReader page;
        private long rowsReadInPage;
        private int resumes;
        private boolean closed;

        ResultPages(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            while (true) {
                if (page == null) {
                    openPage(0);
                }
                try {
                    if (page.hasNext()) {
                        return true;
                    }
                } catch (SalesforceException e) {
                    if (!e.error().isTransient() || ++resumes >= config.transientRetry().maxAttempts()) {
                        close();
                        throw e;
                    }
                    // The download broke mid-page: fetch the same locator again and skip what we returned.
                    page.close();
                    backOff(resumes);
                    openPage(rowsReadInPage);
                    continue;
                }
                page.close();
                page = null;
                if (lastPage) {
                    close();
                    return false;
                }
                locator = nextLocator;
                rowsReadInPage = 0;
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            rowsReadInPage++;
            return page.next();
        }

        private void openPage(long skip) {
            StringBuilder url = new StringBuilder(jobs.jobPath(jobId)).append("/results");
            String sep = "?";
            if (config.bulkPageSize() > 0) {
                url.append(sep).append("maxRecords=").append(config.bulkPageSize());
                sep = "&";
            }
            if (locator != null) {
                url.append(sep).append("locator=").append(DefaultRestApi.segment(locator));
            }
            ApiResponse response = caller.execute(ApiCall.get(CallKind.BULK, url.toString())
                    .withHeader("Accept", "text/csv"));
            String next = response.header(LOCATOR_HEADER).orElse("null");
            nextLocator = next;
            lastPage = next.isBlank() || next.equals("null");
            page = new CsvReader(response.stream());
            if (skip > 0) {
                page.skip(skip);
            }
        }

        private void backOff(int attempt) {
            try {
                config.sleeper().sleep(config.transientRetry().delayAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceException(ErrorClassifier.ioFailure("interrupted while resuming a download"), e);
            }
        }

        @Override
        public void close() {
            closed = true;
            if (page != null) {
                page.close();
                page = null;
            }
        }
    }
}
