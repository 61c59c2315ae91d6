package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.http.Response;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The HTML pages of the login host: the login and approval pages of the authorize flow, the
 * site login ({@code /}). Deliberately plain (one form each, stable names and ids) so tests and
 * tools can drive them over HTTP; see {@link AuthorizeEndpoint} for the contract.
 */
public final class LoginPages {
    static final String FORM_ACTION = "/services/oauth2/authorize";
    static final String LOGIN_FAILED = "Please check your username and password. If you still can't log in, "
            + "contact your Salesforce administrator.";
    static final String USER_INACTIVE = "Your access is disabled. Contact your site administrator.";

    private LoginPages() {
    }

    static Response login(String requestId, String username, String error) {
        return loginForm(FORM_ACTION, hidden("request_id", requestId), username, error);
    }

    /** The site login ({@code /}): the same form, returning to {@code startURL} on this host. */
    static Response siteLogin(String startUrl, String username, String error) {
        return loginForm("/", hidden("startURL", startUrl == null ? "" : startUrl), username, error);
    }

    private static Response loginForm(String action, String hiddenField, String username, String error) {
        StringBuilder b = head("Login | Salesforce Emulator");
        b.append("<h1>Log in</h1>\n");
        if (error != null) {
            b.append("<p id=\"error\" class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
        }
        b.append("<form id=\"login-form\" method=\"post\" action=\"").append(action).append("\">\n")
                .append(hiddenField)
                .append("<label>Username <input type=\"text\" name=\"username\" autocomplete=\"username\" value=\"")
                .append(escape(username == null ? "" : username)).append("\"></label>\n")
                .append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\n")
                .append("<button type=\"submit\" id=\"Login\">Log In</button>\n")
                .append("</form>\n");
        return page(b);
    }

    static Response approval(String requestId, String appName, String username, Collection<String> scopes) {
        StringBuilder b = head("Allow Access? | Salesforce Emulator");
        b.append("<h1>Allow Access?</h1>\n<p><strong>").append(escape(appName))
                .append("</strong> is asking to access the account of <strong>").append(escape(username))
                .append("</strong> with these permissions:</p>\n<ul id=\"scopes\">\n");
        for (String s : new TreeSet<>(scopes)) {
            b.append("<li>").append(escape(s)).append("</li>\n");
        }
        b.append("</ul>\n<form id=\"approve-form\" method=\"post\" action=\"").append(FORM_ACTION).append("\">\n")
                .append(hidden("request_id", requestId))
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"oaapprove\">Allow</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"oadeny\">Deny</button>\n")
                .append("</form>\n");
        return page(b);
    }

    static Response loggedOut() {
        StringBuilder b = head("Logged Out | Salesforce Emulator");
        b.append("<h1>You are logged out</h1>\n");
        return page(b);
    }

    /** A page for a dead end the client cannot be told about (e.g. an expired login form). */
    static Response problem(int status, String message) {
        StringBuilder b = head("Error | Salesforce Emulator");
        b.append("<h1>Error</h1>\n<p id=\"error\" class=\"error\">").append(escape(message)).append("</p>\n");
        return page(b, status);
    }

    /** A plain page of the emulator's Salesforce UI (Visualforce, setup results) with {@code bodyHtml} as its body. */
    public static Response page(String title, String bodyHtml, int status) {
        return page(head(title).append(bodyHtml), status);
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(1024).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body>\n");
    }

    private static Response page(StringBuilder b) {
        return page(b, 200);
    }

    private static Response page(StringBuilder b, int status) {
        b.append("</body></html>\n");
        return Response.html(status, b.toString())
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">\n";
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
