package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.metadata.DeployJobs.Message;
import dev.crosswalk.emulator.metadata.DeployJobs.Result;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DeployResult and AsyncResult as the Metadata API sends them: SOAP XML with a prefixed
 * {@code soapenv:Envelope}/{@code soapenv:Body} and unprefixed children (jsforce looks them up by
 * name), every DeployMessage with a {@code componentType} element (empty for package.xml); and the
 * JSON of the REST {@code deployRequest} resource ({@code details} always an object of arrays).
 */
final class DeployXml {
    static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
            + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"http://soap.sforce.com/2006/04/metadata\""
            + " xmlns:sf=\"http://soap.sforce.com/2006/04/metadata\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<soapenv:Body>";
    static final String ENVELOPE_END = "</soapenv:Body></soapenv:Envelope>";

    private DeployXml() {
    }

    static String asyncResult(String operation, String id, boolean done, String state) {
        return ENVELOPE_START + "<" + operation + "Response><result><done>" + done + "</done><id>" + id + "</id><state>" + state
                + "</state></result></" + operation + "Response>" + ENVELOPE_END;
    }

    static String cancelResult(String id, boolean done) {
        return ENVELOPE_START + "<cancelDeployResponse><result><done>" + done + "</done><id>" + id
                + "</id></result></cancelDeployResponse>" + ENVELOPE_END;
    }

    static String checkDeployStatus(Result r, boolean includeDetails) {
        StringBuilder b = new StringBuilder(4096).append(ENVELOPE_START).append("<checkDeployStatusResponse><result>");
        el(b, "checkOnly", r.options().checkOnly());
        if (r.completedDate() != null) {
            el(b, "completedDate", r.completedDate());
        }
        el(b, "createdBy", r.createdBy());
        el(b, "createdByName", r.createdByName());
        el(b, "createdDate", r.createdDate());
        if (includeDetails) {
            b.append("<details>");
            for (Message m : r.successes()) {
                message(b, "componentSuccesses", m);
            }
            for (Message m : r.failures()) {
                message(b, "componentFailures", m);
            }
            b.append("<runTestResult><numFailures>0</numFailures><numTestsRun>0</numTestsRun><totalTime>0.0</totalTime>"
                    + "</runTestResult></details>");
        }
        el(b, "done", r.done());
        if (r.errorMessage() != null) {
            el(b, "errorMessage", r.errorMessage());
            el(b, "errorStatusCode", r.errorStatusCode());
        }
        el(b, "id", r.id());
        el(b, "ignoreWarnings", r.options().ignoreWarnings());
        el(b, "lastModifiedDate", r.completedDate() != null ? r.completedDate() : r.createdDate());
        el(b, "numberComponentErrors", r.failures().size());
        el(b, "numberComponentsDeployed", r.componentsDeployed());
        el(b, "numberComponentsTotal", r.componentsTotal());
        el(b, "numberTestErrors", 0);
        el(b, "numberTestsCompleted", 0);
        el(b, "numberTestsTotal", 0);
        el(b, "rollbackOnError", r.options().rollbackOnError());
        el(b, "runTestsEnabled", false);
        if (r.startDate() != null) {
            el(b, "startDate", r.startDate());
        }
        if (!r.done()) {
            el(b, "stateDetail", "Waiting for the deploy to start");
        }
        el(b, "status", r.status());
        el(b, "success", r.success());
        return b.append("</result></checkDeployStatusResponse>").append(ENVELOPE_END).toString();
    }

    private static void message(StringBuilder b, String element, Message m) {
        b.append('<').append(element).append('>');
        el(b, "changed", m.changed());
        if (!m.success() && m.line() > 0) {
            el(b, "columnNumber", Math.max(1, m.column()));
        }
        el(b, "componentType", m.componentType());
        el(b, "created", m.created());
        el(b, "createdDate", m.createdDate());
        el(b, "deleted", false);
        el(b, "fileName", m.fileName());
        el(b, "fullName", m.fullName());
        if (!m.success()) {
            if (m.line() > 0) {
                el(b, "lineNumber", m.line());
            }
            el(b, "problem", m.problem());
            el(b, "problemType", "Error");
        }
        el(b, "success", m.success());
        b.append("</").append(element).append('>');
    }

    private static void el(StringBuilder b, String name, Object value) {
        String text = value instanceof Instant i ? time(i) : value == null ? "" : String.valueOf(value);
        b.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
    }

    /** Salesforce's dateTime form, milliseconds and Z. */
    static String time(Instant i) {
        return i == null ? null : TIME.format(i);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    static String fault(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:sf=\"http://soap.sforce.com/2006/04/metadata\"><soapenv:Body><soapenv:Fault><faultcode>" + escape(code)
                + "</faultcode><faultstring>" + escape(message) + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    /** XML text and attribute escaping (the same five characters as HTML). */
    static String escape(String s) {
        return dev.crosswalk.emulator.oauth.LoginPages.escape(s);
    }

    /** The REST {@code deployRequest} resource: {@code {id, validatedDeployRequestId, deployOptions, deployResult, url}}. */
    static ObjectNode restDeployRequest(Result r, boolean includeDetails, String url) {
        ObjectNode n = Json.object();
        n.put("id", r.id());
        n.putNull("validatedDeployRequestId");
        ObjectNode options = n.putObject("deployOptions");
        options.put("checkOnly", r.options().checkOnly());
        options.put("ignoreWarnings", r.options().ignoreWarnings());
        options.put("rollbackOnError", r.options().rollbackOnError());
        options.put("singlePackage", r.options().singlePackage());
        options.put("testLevel", r.options().testLevel());
        options.put("purgeOnDelete", false);
        ObjectNode d = n.putObject("deployResult");
        d.put("id", r.id());
        d.put("checkOnly", r.options().checkOnly());
        d.put("ignoreWarnings", r.options().ignoreWarnings());
        d.put("rollbackOnError", r.options().rollbackOnError());
        d.put("status", r.status());
        d.put("done", r.done());
        d.put("success", r.success());
        d.put("numberComponentsDeployed", r.componentsDeployed());
        d.put("numberComponentsTotal", r.componentsTotal());
        d.put("numberComponentErrors", r.failures().size());
        d.put("numberTestsCompleted", 0);
        d.put("numberTestsTotal", 0);
        d.put("numberTestErrors", 0);
        d.put("runTestsEnabled", false);
        ObjectNode details = d.putObject("details");
        ArrayNode successes = details.putArray("componentSuccesses");
        ArrayNode failures = details.putArray("componentFailures");
        if (includeDetails) {
            r.successes().forEach(m -> successes.add(json(m)));
            r.failures().forEach(m -> failures.add(json(m)));
        }
        ObjectNode tests = details.putObject("runTestResult");
        tests.put("numFailures", 0);
        tests.put("numTestsRun", 0);
        tests.put("totalTime", 0.0);
        d.put("createdDate", time(r.createdDate()));
        d.put("startDate", time(r.startDate()));
        d.put("lastModifiedDate", time(r.completedDate() != null ? r.completedDate() : r.createdDate()));
        d.put("completedDate", time(r.completedDate()));
        d.put("errorStatusCode", r.errorStatusCode());
        d.put("errorMessage", r.errorMessage());
        d.put("stateDetail", (String) null);
        d.put("createdBy", r.createdBy());
        d.put("createdByName", r.createdByName());
        d.putNull("canceledBy");
        d.putNull("canceledByName");
        n.put("url", url);
        return n;
    }

    private static ObjectNode json(Message m) {
        ObjectNode n = Json.object();
        n.put("changed", m.changed());
        n.put("componentType", m.componentType());
        n.put("created", m.created());
        n.put("createdDate", time(m.createdDate()));
        n.put("deleted", false);
        n.put("fileName", m.fileName());
        n.put("fullName", m.fullName());
        n.put("success", m.success());
        if (!m.success()) {
            n.put("lineNumber", m.line());
            n.put("columnNumber", m.column());
            n.put("problem", m.problem());
            n.put("problemType", "Error");
        }
        return n;
    }
}
