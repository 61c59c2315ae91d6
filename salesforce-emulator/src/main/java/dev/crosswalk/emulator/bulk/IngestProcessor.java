package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.data.RecordInput;
import dev.crosswalk.emulator.data.RecordWrite;
import dev.crosswalk.emulator.data.SaveResult;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes an ingest job: parses its uploads, checks the header (an unknown field fails the whole
 * job, as on Salesforce), then writes the rows through {@link DataService} in chunks of 200, the
 * size Salesforce hands to triggers. Each row succeeds or fails on its own; a failed row never fails
 * the job. The org's write lock is taken per chunk, so readers interleave with a long job.
 */
final class IngestProcessor {
    private static final Logger LOG = Logger.getLogger(IngestProcessor.class.getName());
    static final int CHUNK = 200;

    private final DataService data;
    private final Clock clock;

    IngestProcessor(DataService data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    void run(IngestJob job) {
        List<byte[]> uploads = job.start(clock.instant());
        if (uploads == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            process(job, uploads, started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ingest job " + job.id() + " failed", e);
            job.fail("InternalServerError : " + e.getMessage(), clock.instant(), elapsed(started));
        }
    }

    private void process(IngestJob job, List<byte[]> uploads, long started) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (byte[] upload : uploads) {
            if (upload.length == 0) {
                continue; // an empty upload adds nothing, not even a header
            }
            IngestCsv.Parsed parsed;
            try {
                parsed = IngestCsv.parse(upload, job.columnDelimiter(), job.lineEnding());
            } catch (IngestCsv.Unreadable e) {
                job.fail(e.getMessage(), clock.instant(), elapsed(started));
                return;
            }
            if (header == null) {
                header = parsed.header();
                job.header(header);
            } else if (!sameColumns(header, parsed.header())) {
                job.unprocessed(rows);
                job.fail("InvalidBatch : Every upload of a job must have the same header row", clock.instant(), elapsed(started));
                return;
            }
            rows.addAll(parsed.rows());
        }
        if (header == null) {
            job.complete(clock.instant(), elapsed(started));
            return;
        }
        Optional<SObjectType> type = job.org().type(job.object());
        String headerError = type.isEmpty() ? "InvalidBatch : Unable to find object: " + job.object()
                : checkHeader(job, type.get(), header);
        if (headerError != null) {
            job.unprocessed(rows);
            job.fail(headerError, clock.instant(), elapsed(started));
            return;
        }
        Set<String> duplicateKeys = job.operation() == IngestJob.Operation.upsert
                ? duplicateExternalIds(type.get().field(job.externalIdFieldName()).orElseThrow(), header, rows)
                : Set.of();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            if (!job.running()) {
                job.unprocessed(rows.subList(from, rows.size()));
                break;
            }
            List<List<String>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            job.record(processChunk(job, type.get(), header, chunk, duplicateKeys));
        }
        job.complete(clock.instant(), elapsed(started));
    }

    /** Null when every column names a field (or a {@code Relationship.Field} lookup) of the object. */
    static String checkHeader(IngestJob job, SObjectType type, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                return "InvalidBatch : Duplicate field name : " + column;
            }
            int dot = column.indexOf('.');
            boolean known = dot > 0
                    ? type.fields().stream().anyMatch(f -> f.isReference() && f.relationshipName() != null
                            && f.relationshipName().equalsIgnoreCase(column.substring(0, dot)))
                    : type.field(column).isPresent();
            if (!known) {
                return "InvalidBatch : Field name not found : " + column;
            }
        }
        boolean byId = job.operation() == IngestJob.Operation.delete || job.operation() == IngestJob.Operation.hardDelete;
        if (byId && !seen.contains("id")) {
            return "InvalidBatch : Field name not found : Id";
        }
        // Upsert on Id without an Id column: every row is an insert, as in Salesforce.
        if (job.operation() == IngestJob.Operation.upsert && !job.externalIdFieldName().equalsIgnoreCase("Id")
                && !seen.contains(job.externalIdFieldName().toLowerCase(Locale.ROOT))) {
            return "InvalidBatch : Field name not found : " + job.externalIdFieldName();
        }
        return null;
    }

    private List<IngestJob.RowResult> processChunk(IngestJob job, SObjectType type, List<String> header,
            List<List<String>> chunk, Set<String> duplicateKeys) {
        IngestJob.RowResult[] out = new IngestJob.RowResult[chunk.size()];
        List<Integer> positions = new ArrayList<>();
        List<RecordInput> inputs = new ArrayList<>();
        int extColumn = job.operation() == IngestJob.Operation.upsert ? indexOf(header, job.externalIdFieldName()) : -1;
        FieldDef extField = extColumn < 0 ? null : type.field(job.externalIdFieldName()).orElseThrow();
        for (int i = 0; i < chunk.size(); i++) {
            List<String> cells = chunk.get(i);
            if (cells.size() != header.size()) {
                out[i] = failed(cells, null, ApiError.of("INVALID_INPUT", "The row has " + cells.size()
                        + " values but the header has " + header.size() + " columns"));
                continue;
            }
            if (extField != null && duplicateKeys.contains(key(extField, cells.get(extColumn)))) {
                out[i] = failed(cells, null, ApiError.duplicateExternalId(extField.name(), cells.get(extColumn)));
                continue;
            }
            positions.add(i);
            inputs.add(RecordInput.fromCsv(header, cells));
        }
        List<SaveResult> saved = inputs.isEmpty() ? List.of() : write(job, type, inputs);
        for (int k = 0; k < saved.size(); k++) {
            int i = positions.get(k);
            SaveResult r = saved.get(k);
            out[i] = r.success() ? new IngestJob.RowResult(chunk.get(i), r.id(), r.created(), null)
                    : failed(chunk.get(i), r.id(), r.firstError());
        }
        return List.of(out);
    }

    private List<SaveResult> write(IngestJob job, SObjectType type, List<RecordInput> inputs) {
        Org org = job.org();
        String user = job.createdById();
        return switch (job.operation()) {
            case insert -> data.create(org, user, inputs.stream().map(in -> RecordWrite.create(type.name(), in)).toList(), false);
            case update -> data.update(org, user,
                    inputs.stream().map(in -> RecordWrite.updateFromValues(type.name(), in)).toList(), false);
            case upsert -> data.upsert(org, user, type.name(), job.externalIdFieldName(), inputs, false);
            case delete -> deleteAll(org, user, type, inputs, false);
            case hardDelete -> deleteAll(org, user, type, inputs, true);
        };
    }

    /** Deletes by the Id column; a hard delete then purges the record instead of leaving it in the recycle bin. */
    private List<SaveResult> deleteAll(Org org, String user, SObjectType type, List<RecordInput> inputs, boolean hard) {
        List<SaveResult> out = new ArrayList<>(inputs.size());
        List<String> ids = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (RecordInput in : inputs) {
            String id = in.find("Id").map(e -> e.getValue().asText()).orElse(null);
            if (id == null || id.isBlank()) {
                out.add(SaveResult.failed(ApiError.of("MISSING_ARGUMENT", "Id not specified in a delete call")));
            } else if (Ids.normalize(id).flatMap(org::typeForId).filter(t -> t == type).isEmpty()) {
                out.add(SaveResult.failed(id, ApiError.malformedId(id)));
            } else {
                out.add(null);
                ids.add(id);
                at.add(out.size() - 1);
            }
        }
        if (!ids.isEmpty()) {
            List<SaveResult> deleted = data.delete(org, user, ids, false);
            for (int k = 0; k < deleted.size(); k++) {
                out.set(at.get(k), deleted.get(k));
            }
            if (hard) {
                org.writeRun(() -> deleted.stream().filter(SaveResult::success)
                        .forEach(r -> org.store(type).remove(r.id())));
            }
        }
        return out;
    }

    /** External-id values that occur more than once in the job's data: every such row fails. */
    private static Set<String> duplicateExternalIds(FieldDef field, List<String> header, List<List<String>> rows) {
        int column = indexOf(header, field.name());
        Map<String, Integer> counts = new HashMap<>();
        if (column < 0) {
            return Set.of();
        }
        for (List<String> row : rows) {
            if (column < row.size() && row.size() == header.size()) {
                String k = key(field, row.get(column));
                if (k != null) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
        }
        Set<String> duplicates = new HashSet<>();
        counts.forEach((k, n) -> {
            if (n > 1) {
                duplicates.add(k);
            }
        });
        return duplicates;
    }

    /** How upsert compares external ids: text case-insensitively unless the field is case-sensitive. */
    private static String key(FieldDef field, String value) {
        if (value == null || value.isEmpty() || value.equals(RecordInput.CSV_NULL)) {
            return null;
        }
        if (field.type() == FieldType.ID) {
            return Ids.normalize(value).orElse(value);
        }
        return field.type().isText() && !field.caseSensitive() ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static IngestJob.RowResult failed(List<String> cells, String id, ApiError error) {
        return new IngestJob.RowResult(cells, id, false, sfError(error));
    }

    /** {@code REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --}, the shape Salesforce writes. */
    static String sfError(ApiError error) {
        if (error == null) {
            return "UNKNOWN_EXCEPTION:An unexpected error occurred:--";
        }
        String fields = error.fields().isEmpty() ? "--" : String.join(",", error.fields()) + " --";
        return error.statusCode() + ":" + error.message() + ":" + fields;
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
