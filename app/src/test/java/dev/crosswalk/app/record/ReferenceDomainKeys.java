package dev.crosswalk.app.record;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what people type into a CRM's Website and Email fields into a registrable domain, or
 * into a reason why there is none.
 *
 * <p>The key is {@link InternetDomainName#topPrivateDomain()}: the name one level below the
 * public suffix, where the suffix list includes the <em>private</em> section (github.io,
 * herokuapp.com, blogspot.com, myshopify.com). {@code topDomainUnderRegistrySuffix()} would
 * reduce {@code acme.github.io} and {@code globex.github.io} both to {@code github.io} and
 * make every GitHub Pages site overlap with every other: a false overlap is far worse than a
 * missed one, so each tenant of a hosting platform keeps its own key, and the bare platform
 * suffix gives none ({@link KeyReason#PUBLIC_SUFFIX_ONLY}).
 *
 * <p>Keys are ASCII (IDNs in punycode, {@link Idna#throughIdn}: {@code straße.de} is {@code xn--strae-oqa.de}
 * as registries have it), lower case, without a trailing dot. Thread-safe and immutable.
 */
final class ReferenceDomainKeys {
    private static final Set<String> PLACEHOLDERS = Set.of(
            "n/a", "na", "n.a.", "n.a", "n\\a", "#n/a", "none", "null", "nil", "nan", "tbd", "tba", "tbc", "unknown", "unk",
            "not available", "not applicable", "no website", "no web site", "nowebsite", "no", "no url", "nourl", "no site",
            "no email", "noemail", "no e-mail", "test", "x", "xx", "xxx", "blank", "empty", "pending", "same", "see notes",
            "website", "web", "www", "url", "email", "e-mail", "void", "undefined", "not provided", "[not provided]",
            "notprovided", "private", "confidential", "coming soon", "under construction", "declined", "none provided",
            "do not use", "dnu", "missing", "other", "-none-", "--none--", "#value!", "#ref!", "http", "https", "0", "00", "000",
            "http://www", "https://www");
    /** Domains people type when a form insists on one: real registrations, but never the record's company. */
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net", "test.com",
            "yourcompany.com", "yourdomain.com", "domain.com", "company.com", "noemail.com", "nomail.com", "none.com",
            "na.com", "website.com", "sample.com", "nowhere.com");
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".localdomain", ".internal",
            ".intranet", ".lan", ".home.arpa", ".home", ".corp");
    /** Schemes, including the typos CRMs are full of: {@code http//}, {@code htp://}, {@code https:/}, {@code hxxp://}. */
    private static final Pattern SCHEME = Pattern.compile(
            "^(?:[a-z][a-z0-9+.\\-]*://+|(?:h{0,2}t{1,2}p{1,2}s?|hxxps?|s?ftps?)(?::/{0,3}|;/{0,3}|/{1,3}))");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,;|]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MANY_DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    /** Ideographic and full-width full stops, which IME users type instead of '.'. */
    private static final Pattern ODD_DOTS = Pattern.compile("[\\u3002\\uFF0E\\uFF61]");
    private static final String WRAPPERS = "\"'`<>()[]{}«»“”‘’";

    private final ReferenceDomainList personal;
    private final ReferenceDomainList platforms;

    ReferenceDomainKeys(ReferenceDomainList personal, ReferenceDomainList platforms) {
        this.personal = personal;
        this.platforms = platforms;
    }

    KeyResult website(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return KeyResult.none(KeyReason.BLANK);
        }
        if (isPlaceholder(s)) {
            return KeyResult.none(KeyReason.PLACEHOLDER);
        }
        if (s.startsWith("mailto:")) {
            return email(s.substring("mailto:".length())).because(KeyReason.EMAIL_IN_WEBSITE);
        }
        String token = firstToken(s, '.');
        if (looksLikeEmail(token)) {
            return email(token).because(KeyReason.EMAIL_IN_WEBSITE);
        }
        String url = SCHEME.matcher(token.replace('\\', '/')).replaceFirst("");
        while (url.startsWith("/")) {
            url = url.substring(1);
        }
        if (url.isEmpty()) {
            return KeyResult.none(KeyReason.PLACEHOLDER);
        }
        int end = indexOfAny(url, "/?#");
        String authority = end < 0 ? url : url.substring(0, end);
        String rest = end < 0 ? "" : url.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            return KeyResult.none(KeyReason.IP_ADDRESS);
        }
        if (InetAddresses.isInetAddress(authority)) {
            return KeyResult.none(KeyReason.IP_ADDRESS);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            String port = authority.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                return KeyResult.none(KeyReason.MALFORMED);
            }
            authority = authority.substring(0, colon);
        }
        return host(authority, KeyReason.WEBSITE, hasPage(rest));
    }

    KeyResult email(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return KeyResult.none(KeyReason.BLANK);
        }
        if (isPlaceholder(s)) {
            return KeyResult.none(KeyReason.PLACEHOLDER);
        }
        if (s.startsWith("mailto:")) {
            s = s.substring("mailto:".length());
        }
        int open = s.lastIndexOf('<');
        int close = s.lastIndexOf('>');
        if (open >= 0 && close > open) {
            s = s.substring(open + 1, close);
        }
        String token = firstToken(s, '@');
        int at = token.lastIndexOf('@');
        if (at <= 0 || at == token.length() - 1) {
            return KeyResult.none(KeyReason.NOT_AN_EMAIL);
        }
        String domain = strip(token.substring(at + 1), ".>)]\"'");
        if (domain.startsWith("[")) {
            return KeyResult.none(KeyReason.IP_ADDRESS);
        }
        if (indexOfAny(domain, "/?#:") >= 0) {
            return KeyResult.none(KeyReason.MALFORMED);
        }
        return host(domain, KeyReason.EMAIL, false);
    }

    /** The common tail of websites and emails: a host name to its registrable domain. */
    private KeyResult host(String rawHost, KeyReason producing, boolean pageOnSite) {
        String host = rawHost;
        if (host.indexOf('\u3002') >= 0 || host.indexOf('\uFF0E') >= 0 || host.indexOf('\uFF61') >= 0) {
            host = ODD_DOTS.matcher(host).replaceAll(".");
        }
        if (host.contains("..")) {
            host = MANY_DOTS.matcher(host).replaceAll(".");
        }
        host = strip(host, ".");
        if (host.isEmpty()) {
            return KeyResult.none(KeyReason.MALFORMED);
        }
        if (InetAddresses.isInetAddress(host) || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return KeyResult.none(KeyReason.IP_ADDRESS);
        }
        String ascii;
        try {
            ascii = Idna.throughIdn(host);
        } catch (IllegalArgumentException e) {
            return KeyResult.none(KeyReason.MALFORMED);
        }
        if (ascii.equals("localhost") || LOCAL_SUFFIXES.stream().anyMatch(ascii::endsWith)) {
            return KeyResult.none(KeyReason.LOCAL_HOST);
        }
        InternetDomainName name;
        try {
            name = InternetDomainName.from(ascii);
        } catch (IllegalArgumentException e) {
            return KeyResult.none(KeyReason.MALFORMED);
        }
        if (name.isPublicSuffix()) {
            return KeyResult.none(KeyReason.PUBLIC_SUFFIX_ONLY);
        }
        if (!name.isUnderPublicSuffix()) {
            return KeyResult.none(KeyReason.UNKNOWN_SUFFIX);
        }
        InternetDomainName registrable = name.topPrivateDomain();
        if (PLACEHOLDER_DOMAINS.contains(registrable.toString())) {
            return KeyResult.none(KeyReason.PLACEHOLDER);
        }
        if (personal.contains(registrable)) {
            return KeyResult.none(KeyReason.PERSONAL_DOMAIN);
        }
        if (producing == KeyReason.WEBSITE && platforms.contains(registrable)
                && (pageOnSite || hasSubdomainOtherThanWww(name, registrable))) {
            return KeyResult.none(KeyReason.PLATFORM_PAGE);
        }
        return KeyResult.of(registrable.toString(), producing);
    }

    /** "facebook.com/acme" is Acme's page, "facebook.com/" or "facebook.com/?ref=x" is Facebook. */
    private static boolean hasPage(String rest) {
        int query = rest.indexOf('?');
        String path = query >= 0 ? rest.substring(0, query) : rest;
        return path.chars().anyMatch(c -> c != '/' && c != '#');
    }

    private static boolean hasSubdomainOtherThanWww(InternetDomainName name, InternetDomainName registrable) {
        int extra = name.parts().size() - registrable.parts().size();
        return extra > 1 || (extra == 1 && !name.parts().get(0).matches("www\\d?"));
    }

    private boolean isPlaceholder(String lower) {
        String collapsed = strip(WHITESPACE.matcher(lower).replaceAll(" "), ". -_/:");
        return PLACEHOLDERS.contains(collapsed) || collapsed.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** Trimmed, lower case, invisible characters and wrapping quotes or brackets removed. */
    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw;
        if (s.chars().anyMatch(c -> c == '\u00AD' || c == '\uFEFF' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060')) {
            s = ZERO_WIDTH.matcher(s).replaceAll("");
        }
        s = s.replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT);
        String before;
        do {
            before = s;
            s = strip(s, WRAPPERS).strip();
        } while (!s.equals(before));
        return s;
    }

    /**
     * The first whitespace/comma/semicolon separated token holding {@code marker} inside it (so
     * "Acme Inc. acme.com" gives "acme.com", not "Inc."), else the first token.
     */
    private static String firstToken(String s, char marker) {
        if (s.chars().noneMatch(c -> Character.isWhitespace(c) || c == ',' || c == ';' || c == '|')) {
            return strip(s, WRAPPERS);
        }
        String[] tokens = TOKEN_SEPARATORS.split(s);
        for (String t : tokens) {
            String trimmed = strip(t, WRAPPERS);
            if (strip(trimmed, String.valueOf(marker)).indexOf(marker) >= 0) {
                return trimmed;
            }
        }
        for (String t : tokens) {
            String trimmed = strip(t, WRAPPERS);
            if (trimmed.indexOf(marker) >= 0) {
                return trimmed;
            }
        }
        return tokens.length == 0 ? s : strip(tokens[0], WRAPPERS);
    }

    private static boolean looksLikeEmail(String token) {
        int at = token.indexOf('@');
        if (at < 0 || token.contains("://")) {
            return false;
        }
        int slash = token.indexOf('/');
        return slash < 0 || slash > at;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String strip(String s, String chars) {
        int from = 0;
        int to = s.length();
        while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }
}
