package dev.crosswalk.emulator.seed;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a canonical domain the way people type it into a CRM. Probabilities are rough
 * guesses at what real orgs contain; about one in ten websites carries no domain at all.
 */
final class WebsiteRenderer {
    private WebsiteRenderer() {
    }

    /** A rendered website and the {@link WebsiteMess} bits it carries. */
    record Rendered(String value, int kinds) {
    }

    private static final Rendered NULL = new Rendered(null, WebsiteMess.NULL.bit());
    private static final Rendered EMPTY = new Rendered("", WebsiteMess.EMPTY.bit());

    static Rendered render(String domain, boolean idn, SplittableRandom r) {
        int u = r.nextInt(1000);
        if (u < 50) {
            return NULL;
        }
        if (u < 70) {
            return EMPTY;
        }
        if (u < 100) {
            return new Rendered(CompanyGenerator.pick(r, Words.GARBAGE_WEBSITES), WebsiteMess.GARBAGE.bit());
        }
        int kinds = 0;
        String host = domain;
        if (idn && r.nextBoolean()) {
            host = Punycode.toAscii(domain);
            kinds |= WebsiteMess.PUNYCODE.bit();
        }
        int prefix = r.nextInt(100);
        if (prefix < 45) {
            host = "www." + host;
            kinds |= WebsiteMess.WWW.bit();
        } else if (prefix < 52) {
            host = CompanyGenerator.pick(r, Words.SUBDOMAINS) + "." + host;
            kinds |= WebsiteMess.SUBDOMAIN.bit();
        }
        if (r.nextInt(100) < 3) {
            host = host + ".";
            kinds |= WebsiteMess.TRAILING_DOT.bit();
        }
        StringBuilder url = new StringBuilder(host.length() + 40);
        int scheme = r.nextInt(100);
        if (scheme < 15) {
            url.append("http://");
            kinds |= WebsiteMess.HTTP.bit();
        } else if (scheme < 60) {
            url.append("https://");
            kinds |= WebsiteMess.HTTPS.bit();
        }
        url.append(host);
        if (scheme < 60 && r.nextInt(100) < 4) {
            url.append(CompanyGenerator.pick(r, Words.PORTS));
            kinds |= WebsiteMess.PORT.bit();
        }
        int path = r.nextInt(100);
        if (path < 15) {
            url.append(CompanyGenerator.pick(r, Words.PATHS));
            kinds |= WebsiteMess.PATH.bit();
        } else if (path < 25) {
            url.append('/');
            kinds |= WebsiteMess.TRAILING_SLASH.bit();
        }
        if (r.nextInt(100) < 8) {
            url.append(CompanyGenerator.pick(r, Words.QUERIES));
            kinds |= WebsiteMess.QUERY.bit();
        }
        String value = url.toString();
        int letterCase = r.nextInt(100);
        if (letterCase < 5) {
            value = value.toUpperCase(Locale.ROOT);
            kinds |= WebsiteMess.UPPER_CASE.bit();
        } else if (letterCase < 12) {
            value = capitalizeHost(value);
            kinds |= WebsiteMess.UPPER_CASE.bit();
        }
        if (r.nextInt(100) < 2) {
            value = " " + value + " ";
            kinds |= WebsiteMess.WHITESPACE.bit();
        }
        return new Rendered(value, kinds == 0 ? WebsiteMess.CLEAN.bit() : kinds);
    }

    /** "https://northwind.com" → "https://Northwind.com": people capitalize the name part. */
    private static String capitalizeHost(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        if (start >= url.length()) {
            return url;
        }
        char[] chars = url.toCharArray();
        chars[start] = Character.toUpperCase(chars[start]);
        return new String(chars);
    }
}
