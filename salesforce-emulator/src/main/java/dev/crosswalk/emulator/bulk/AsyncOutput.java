package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk API 1.0 response bodies in Salesforce's shapes: {@code jobInfo}, {@code batchInfo},
 * {@code batchInfoList}, ingest {@code results}, query {@code result-list} and query results, each as
 * XML (namespace {@code http://www.force.com/2009/06/asyncapi/dataload}) or JSON; ingest results of a
 * CSV job as CSV ({@code "Id","Success","Created","Error"}).
 */
final class AsyncOutput {
    static final String NS = "http://www.force.com/2009/06/asyncapi/dataload";
    private static final String XML_TYPE = "application/xml";
    private static final String JSON_TYPE = "application/json";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** How a response is written: JSON for JSON jobs and JSON requests, XML otherwise. */
    enum Format {
        XML, JSON
    }

    private AsyncOutput() {
    }

    static Response error(Format format, AsyncError e) {
        if (format == Format.JSON) {
            ObjectNode n = Json.object();
            n.put("exceptionCode", e.exceptionCode());
            n.put("exceptionMessage", e.getMessage());
            return Response.json(e.status(), n);
        }
        Xml x = new Xml("error").el("exceptionCode", e.exceptionCode()).el("exceptionMessage", e.getMessage());
        return x.response(e.status());
    }

    static Response jobInfo(Format format, int status, AsyncJob.Info i) {
        if (format == Format.JSON) {
            ObjectNode n = Json.object();
            n.put("id", i.id());
            n.put("operation", i.operation().name());
            n.put("object", i.object());
            n.put("createdById", i.createdById());
            n.put("createdDate", DATE_TIME.format(i.createdDate()));
            n.put("systemModstamp", DATE_TIME.format(i.systemModstamp()));
            n.put("state", i.state().name());
            if (i.externalIdFieldName() != null) {
                n.put("externalIdFieldName", i.externalIdFieldName());
            }
            n.put("concurrencyMode", i.concurrencyMode());
            n.put("contentType", i.contentType().name());
            n.put("numberBatchesQueued", i.count(AsyncBatch.State.Queued));
            n.put("numberBatchesInProgress", i.count(AsyncBatch.State.InProgress));
            n.put("numberBatchesCompleted", i.count(AsyncBatch.State.Completed));
            n.put("numberBatchesFailed", i.count(AsyncBatch.State.Failed));
            n.put("numberBatchesTotal", i.batches().size());
            n.put("numberRecordsProcessed", i.processed());
            n.put("numberRetries", 0);
            n.put("apiVersion", Double.parseDouble(i.apiVersion()));
            n.put("numberRecordsFailed", i.failed());
            n.put("totalProcessingTime", i.millis());
            n.put("apiActiveProcessingTime", i.millis());
            n.put("apexProcessingTime", 0);
            return Response.json(status, n);
        }
        Xml x = new Xml("jobInfo").el("id", i.id()).el("operation", i.operation().name()).el("object", i.object())
                .el("createdById", i.createdById()).el("createdDate", DATE_TIME.format(i.createdDate()))
                .el("systemModstamp", DATE_TIME.format(i.systemModstamp())).el("state", i.state().name());
        if (i.externalIdFieldName() != null) {
            x.el("externalIdFieldName", i.externalIdFieldName());
        }
        x.el("concurrencyMode", i.concurrencyMode()).el("contentType", i.contentType().name())
                .el("numberBatchesQueued", i.count(AsyncBatch.State.Queued))
                .el("numberBatchesInProgress", i.count(AsyncBatch.State.InProgress))
                .el("numberBatchesCompleted", i.count(AsyncBatch.State.Completed))
                .el("numberBatchesFailed", i.count(AsyncBatch.State.Failed))
                .el("numberBatchesTotal", i.batches().size()).el("numberRecordsProcessed", i.processed())
                .el("numberRetries", 0).el("apiVersion", i.apiVersion()).el("numberRecordsFailed", i.failed())
                .el("totalProcessingTime", i.millis()).el("apiActiveProcessingTime", i.millis())
                .el("apexProcessingTime", 0);
        return x.response(status);
    }

    static Response batchInfo(Format format, int status, AsyncBatch.Info b) {
        if (format == Format.JSON) {
            return Response.json(status, batchJson(b));
        }
        Xml x = new Xml("batchInfo");
        batchXml(x, b);
        return x.response(status);
    }

    static Response batchInfoList(Format format, List<AsyncBatch.Info> batches) {
        if (format == Format.JSON) {
            ArrayNode list = Json.array();
            batches.forEach(b -> list.add(batchJson(b)));
            ObjectNode n = Json.object();
            n.set("batchInfo", list);
            return Response.json(200, n);
        }
        Xml x = new Xml("batchInfoList");
        for (AsyncBatch.Info b : batches) {
            x.open("batchInfo");
            batchXml(x, b);
            x.close("batchInfo");
        }
        return x.response(200);
    }

    private static ObjectNode batchJson(AsyncBatch.Info b) {
        ObjectNode n = Json.object();
        n.put("id", b.id());
        n.put("jobId", b.jobId());
        n.put("state", b.state().name());
        if (b.stateMessage() != null) {
            n.put("stateMessage", b.stateMessage());
        }
        n.put("createdDate", DATE_TIME.format(b.createdDate()));
        n.put("systemModstamp", DATE_TIME.format(b.systemModstamp()));
        n.put("numberRecordsProcessed", b.processed());
        n.put("numberRecordsFailed", b.failed());
        n.put("totalProcessingTime", b.totalProcessingTime());
        n.put("apiActiveProcessingTime", b.totalProcessingTime());
        n.put("apexProcessingTime", 0);
        return n;
    }

    private static void batchXml(Xml x, AsyncBatch.Info b) {
        x.el("id", b.id()).el("jobId", b.jobId()).el("state", b.state().name());
        if (b.stateMessage() != null) {
            x.el("stateMessage", b.stateMessage());
        }
        x.el("createdDate", DATE_TIME.format(b.createdDate())).el("systemModstamp", DATE_TIME.format(b.systemModstamp()))
                .el("numberRecordsProcessed", b.processed()).el("numberRecordsFailed", b.failed())
                .el("totalProcessingTime", b.totalProcessingTime())
                .el("apiActiveProcessingTime", b.totalProcessingTime()).el("apexProcessingTime", 0);
    }

    /** Ingest results, one per input row in input order. */
    static Response results(AsyncJob.ContentType type, List<RowWriter.Row> rows) {
        switch (type) {
            case CSV -> {
                StringBuilder sb = new StringBuilder("\"Id\",\"Success\",\"Created\",\"Error\"\n");
                for (RowWriter.Row r : rows) {
                    sb.append(csv(r.id())).append(',').append(csv(String.valueOf(r.success()))).append(',')
                            .append(csv(String.valueOf(r.created()))).append(',')
                            .append(csv(r.success() ? "" : RowWriter.sfError(r.error()))).append('\n');
                }
                return Response.text(200, "text/csv; charset=UTF-8", sb.toString());
            }
            case JSON -> {
                ArrayNode list = Json.array();
                for (RowWriter.Row r : rows) {
                    ObjectNode n = list.addObject();
                    n.put("success", r.success());
                    n.put("created", r.created());
                    n.put("id", r.id());
                    ArrayNode errors = n.putArray("errors");
                    if (!r.success()) {
                        ObjectNode e = errors.addObject();
                        ArrayNode fields = e.putArray("fields");
                        error(r).fields().forEach(fields::add);
                        e.put("message", error(r).message());
                        e.put("statusCode", error(r).statusCode());
                    }
                }
                return Response.json(200, list);
            }
            default -> {
                Xml x = new Xml("results");
                for (RowWriter.Row r : rows) {
                    x.open("result");
                    if (!r.success()) {
                        x.open("errors");
                        error(r).fields().forEach(f -> x.el("fields", f));
                        x.el("message", error(r).message()).el("statusCode", error(r).statusCode());
                        x.close("errors");
                    }
                    if (r.id() != null) {
                        x.el("id", r.id());
                    } else {
                        x.nil("id");
                    }
                    x.el("success", r.success()).el("created", r.created());
                    x.close("result");
                }
                return x.response(200);
            }
        }
    }

    private static ApiError error(RowWriter.Row r) {
        return r.error();
    }

    /** The result ids of a query batch; CSV jobs get the XML list, as on Salesforce. */
    static Response resultList(Format format, List<String> ids) {
        if (format == Format.JSON) {
            ArrayNode list = Json.array();
            ids.forEach(list::add);
            return Response.json(200, list);
        }
        Xml x = new Xml("result-list");
        ids.forEach(id -> x.el("result", id));
        return x.response(200);
    }

    /** One query result file in the job's content type. */
    static Response queryResult(AsyncJob job, AsyncBatch batch) {
        QueryPlan plan = batch.plan();
        List<Record> rows = batch.rows();
        return switch (job.contentType()) {
            case CSV -> rows.isEmpty()
                    ? Response.text(200, "text/csv; charset=UTF-8", "Records not found for this query")
                    : Response.stream(200, "text/csv; charset=UTF-8", out -> QueryJobs.writeCsv(job.org(), plan, rows, 0,
                            rows.size(), ColumnDelimiter.COMMA, LineEnding.LF, out));
            case JSON -> Response.json(200, job.org().read(() -> queryJson(job, plan, rows)));
            case XML -> Response.stream(200, XML_TYPE, out -> writeQueryXml(job, plan, rows, out));
        };
    }

    /** Records as REST returns them, but datetimes and dates as epoch milliseconds: Bulk API 1.0's JSON does so. */
    private static ArrayNode queryJson(AsyncJob job, QueryPlan plan, List<Record> rows) {
        ArrayNode list = Json.array();
        List<String> headers = plan.headers();
        List<QueryPlan.CellReader> readers = plan.readers();
        for (Record row : rows) {
            ObjectNode n = list.addObject();
            ObjectNode attributes = n.putObject("attributes");
            attributes.put("type", plan.objectName());
            attributes.put("url", "/services/data/v" + job.info().apiVersion() + "/sobjects/" + plan.objectName() + "/"
                    + row.id());
            for (int c = 0; c < headers.size(); c++) {
                String[] path = headers.get(c).split("\\.");
                ObjectNode target = n;
                for (int p = 0; p < path.length - 1; p++) {
                    target = target.has(path[p]) && target.get(path[p]).isObject() ? (ObjectNode) target.get(path[p])
                            : target.putObject(path[p]);
                }
                putJson(target, path[path.length - 1], readers.get(c).read(row));
            }
        }
        return list;
    }

    private static void putJson(ObjectNode n, String name, Object v) {
        if (v == null) {
            n.putNull(name);
        } else if (v instanceof Boolean b) {
            n.put(name, b);
        } else if (v instanceof Integer i) {
            n.put(name, i);
        } else if (v instanceof Long l) {
            n.put(name, l);
        } else if (v instanceof Double d) {
            n.put(name, d);
        } else if (v instanceof Instant i) {
            n.put(name, i.toEpochMilli());
        } else if (v instanceof LocalDate d) {
            n.put(name, d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } else {
            n.put(name, v.toString());
        }
    }

    private static void writeQueryXml(AsyncJob job, QueryPlan plan, List<Record> rows, OutputStream out)
            throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><queryResult xmlns=\"")
                .append(NS).append("\" xmlns:xsi=\"").append(AsyncInput.XSI).append("\">");
        List<String> headers = plan.headers();
        List<QueryPlan.CellReader> readers = plan.readers();
        job.org().read(() -> {
            for (Record row : rows) {
                sb.append("<records xsi:type=\"sObject\"><type>").append(plan.objectName()).append("</type>");
                for (int c = 0; c < headers.size(); c++) {
                    Object v = readers.get(c).read(row);
                    String[] path = headers.get(c).split("\\.");
                    for (int p = 0; p < path.length - 1; p++) {
                        sb.append('<').append(path[p]).append(" xsi:type=\"sObject\">");
                    }
                    String leaf = path[path.length - 1];
                    if (v == null) {
                        sb.append('<').append(leaf).append(" xsi:nil=\"true\"/>");
                    } else {
                        sb.append('<').append(leaf).append('>').append(escape(text(v))).append("</").append(leaf).append('>');
                    }
                    for (int p = path.length - 2; p >= 0; p--) {
                        sb.append("</").append(path[p]).append('>');
                    }
                }
                sb.append("</records>");
            }
            return null;
        });
        sb.append("</queryResult>");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A stored value as XML text: datetimes {@code 2024-01-31T09:05:00.000Z}, numbers without exponent. */
    static String text(Object v) {
        if (v instanceof Instant i) {
            return DATE_TIME.format(i);
        }
        if (v instanceof Double d) {
            BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
            return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        }
        return v.toString();
    }

    private static String csv(String s) {
        return s == null ? "\"\"" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A small XML writer for the flat Bulk API 1.0 shapes. */
    private static final class Xml {
        private final String root;
        private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

        Xml(String root) {
            this.root = root;
            sb.append('<').append(root).append(" xmlns=\"").append(NS).append("\"")
                    .append(" xmlns:xsi=\"").append(AsyncInput.XSI).append("\">");
        }

        Xml el(String name, Object value) {
            sb.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
            return this;
        }

        Xml nil(String name) {
            sb.append('<').append(name).append(" xsi:nil=\"true\"/>");
            return this;
        }

        Xml open(String name) {
            sb.append('<').append(name).append('>');
            return this;
        }

        Xml close(String name) {
            sb.append("</").append(name).append('>');
            return this;
        }

        Response response(int status) {
            return Response.text(status, XML_TYPE, sb.toString() + "</" + root + ">");
        }
    }
}
