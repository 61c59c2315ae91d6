package dev.crosswalk.emulator.soql;

import java.util.Locale;

/**
 * One lexical token. {@code value} carries the decoded literal (String, BigDecimal, LocalDate, Instant).
 * IDENT tokens include dotted paths ({@code Owner.Profile.Name}) and keywords; keywords are matched
 * case-insensitively by the parser, because SOQL has no quoted identifiers to tell them apart.
 */
record Token(Type type, String text, int offset, Object value) {

    enum Type { IDENT, STRING, NUMBER, DATE, DATETIME, LPAREN, RPAREN, COMMA, COLON, OPERATOR, EOF }

    boolean is(Type t) {
        return type == t;
    }

    boolean isKeyword(String keyword) {
        return type == Type.IDENT && text.equalsIgnoreCase(keyword);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How Salesforce names the token in {@code unexpected token: X}. */
    String display() {
        return type == Type.EOF ? "<EOF>" : text;
    }
}
