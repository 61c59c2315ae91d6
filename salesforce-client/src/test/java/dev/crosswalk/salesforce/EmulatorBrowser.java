package dev.crosswalk.salesforce;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal "browser" for the emulator's authorize pages: follows redirects on the emulator
 * host, fills the login form, approves the app, and stops at the redirect to the callback.
 */
final class EmulatorBrowser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    /** The callback's query parameters (code + state, or error + error_description + state). */
    Map<String, String> authorize(URI authorizeUrl, String redirectUri, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(authorizeUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (int step = 0; step < 10; step++) {
            if (r.statusCode() / 100 == 3) {
                URI location = authorizeUrl.resolve(r.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(redirectUri)) {
                    return query(location);
                }
                r = http.send(HttpRequest.newBuilder(location).GET().build(), HttpResponse.BodyHandlers.ofString());
                continue;
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("authorize page answered " + r.statusCode() + ": " + r.body());
            }
            Matcher form = FORM.matcher(r.body());
            if (!form.find()) {
                throw new IllegalStateException("no form on page: " + r.body());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form.group(2));
            while (hidden.find()) {
                fields.put(hidden.group(1), unescape(hidden.group(2)));
            }
            if (form.group(2).contains("name=\"password\"")) {
                fields.put("username", username);
                fields.put("password", password);
            } else if (form.group(2).contains("name=\"decision\"")) {
                fields.put("decision", "allow");
            }
            URI action = authorizeUrl.resolve(unescape(form.group(1)));
            r = http.send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(dev.crosswalk.salesforce.internal.Forms.encode(fields)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        throw new IllegalStateException("too many steps");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
