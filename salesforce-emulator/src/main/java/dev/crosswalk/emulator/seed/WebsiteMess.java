package dev.crosswalk.emulator.seed;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of real-world messiness a rendered Website can carry. A rendering combines several
 * (e.g. {@code HTTPS + WWW + PATH + UPPER_CASE}); {@link #NULL}, {@link #EMPTY} and
 * {@link #GARBAGE} leave no usable matching key.
 */
public enum WebsiteMess {
    /** The bare canonical domain, nothing added. */
    CLEAN("northwind-logistics.com"),
    WWW("www.northwind-logistics.com"),
    HTTP("http://northwind-logistics.com"),
    HTTPS("https://northwind-logistics.com"),
    SUBDOMAIN("shop.northwind-logistics.com"),
    PORT("http://northwind-logistics.com:8080"),
    PATH("northwind-logistics.com/en/home"),
    TRAILING_SLASH("northwind-logistics.com/"),
    QUERY("northwind-logistics.com/?utm_source=x"),
    UPPER_CASE("WWW.NORTHWIND-LOGISTICS.COM or Northwind-logistics.com"),
    TRAILING_DOT("northwind-logistics.com."),
    WHITESPACE("' northwind-logistics.com '"),
    /** An IDN written in its ASCII form ({@code xn--mller-bau-q9a.de} for {@code müller-bau.de}). */
    PUNYCODE("xn--mller-bau-q9a.de"),
    NULL("(no value)"),
    EMPTY("''"),
    GARBAGE("n/a, -, none, TBD…");

    private final String example;

    WebsiteMess(String example) {
        this.example = example;
    }

    public String example() {
        return example;
    }

    /** False when a website of this kind carries no domain at all. */
    public boolean usable() {
        return this != NULL && this != EMPTY && this != GARBAGE;
    }

    int bit() {
        return 1 << ordinal();
    }

    static final int NO_KEY_MASK = NULL.bit() | EMPTY.bit() | GARBAGE.bit();

    static Set<WebsiteMess> decode(int mask) {
        EnumSet<WebsiteMess> set = EnumSet.noneOf(WebsiteMess.class);
        for (WebsiteMess m : values()) {
            if ((mask & m.bit()) != 0) {
                set.add(m);
            }
        }
        return set;
    }
}
