package dev.crosswalk.emulator.soql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL text into {@link Token}s. Runs once per prepare, never per row. */
final class Lexer {
    /** Unquoted date and datetime literals: 2024-01-01, 2024-01-01T00:00:00Z, ...T00:00:00.000+01:00. */
    private static final Pattern DATE_LITERAL = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2}))?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final String src;
    private final QueryErrors errors;
    private int pos;

    Lexer(String src, QueryErrors errors) {
        this.src = src;
        this.errors = errors;
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= src.length()) {
                tokens.add(new Token(Token.Type.EOF, "", src.length(), null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> { pos++; return new Token(Token.Type.LPAREN, "(", start, null); }
            case ')' -> { pos++; return new Token(Token.Type.RPAREN, ")", start, null); }
            case ',' -> { pos++; return new Token(Token.Type.COMMA, ",", start, null); }
            case ':' -> { pos++; return new Token(Token.Type.COLON, ":", start, null); }
            case '\'' -> { return string(); }
            case '=' -> { pos++; return new Token(Token.Type.OPERATOR, "=", start, null); }
            case '!' -> {
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(Token.Type.OPERATOR, "!=", start, null);
                }
            }
            case '<' -> {
                if (peek(1) == '=' || peek(1) == '>') {
                    pos += 2;
                    return new Token(Token.Type.OPERATOR, src.substring(start, pos), start, null);
                }
                pos++;
                return new Token(Token.Type.OPERATOR, "<", start, null);
            }
            case '>' -> {
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(Token.Type.OPERATOR, ">=", start, null);
                }
                pos++;
                return new Token(Token.Type.OPERATOR, ">", start, null);
            }
            default -> { }
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < src.length()
                && (Character.isDigit(peek(1)) || (peek(1) == '.' && c != '.')))) {
            return numberOrDate();
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Type.IDENT, src.substring(start, pos), start, null);
        }
        pos++;
        throw errors.at(start, QueryErrors.MALFORMED_QUERY, "unexpected token: " + c);
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private Token numberOrDate() {
        int start = pos;
        Matcher date = DATE_LITERAL.matcher(src).region(pos, src.length());
        if (Character.isDigit(src.charAt(pos)) && date.lookingAt() && !followedByIdentPart(date.end())) {
            pos = date.end();
            String text = date.group();
            try {
                if (date.group(1) == null) {
                    return new Token(Token.Type.DATE, text, start, LocalDate.parse(text));
                }
                return new Token(Token.Type.DATETIME, text, start, parseDateTime(text));
            } catch (DateTimeException e) {
                throw errors.at(start, QueryErrors.MALFORMED_QUERY, "invalid date: " + text);
            }
        }
        Matcher number = NUMBER.matcher(src).region(pos, src.length());
        if (!number.lookingAt()) {
            throw errors.at(start, QueryErrors.MALFORMED_QUERY, "unexpected token: " + src.charAt(start));
        }
        pos = number.end();
        if (followedByIdentPart(pos)) {
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            throw errors.at(start, QueryErrors.MALFORMED_QUERY, "unexpected token: " + src.substring(start, pos));
        }
        String text = number.group();
        return new Token(Token.Type.NUMBER, text, start, new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }

    private boolean followedByIdentPart(int at) {
        return at < src.length() && (Character.isLetter(src.charAt(at)) || src.charAt(at) == '_');
    }

    private static Instant parseDateTime(String text) {
        String normalized = text;
        // Accept +hhmm as well as +hh:mm; ISO parsing wants the colon.
        if (!text.endsWith("Z")) {
            String offset = text.substring(text.length() - 5);
            if (offset.indexOf(':') < 0) {
                normalized = text.substring(0, text.length() - 4) + offset.substring(1, 3) + ":" + offset.substring(3);
            }
        }
        return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /**
     * A single-quoted string with backslash escapes, as SOQL defines them. The token value is a
     * {@link StringLiteral}: the plain text, and the LIKE form in which {@code \%}, {@code \_} and
     * a backslash stay escaped so the LIKE matcher can tell literal characters from wildcards.
     */
    private Token string() {
        int start = pos;
        pos++;
        StringBuilder plain = new StringBuilder();
        StringBuilder like = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                return new Token(Token.Type.STRING, src.substring(start, pos), start,
                        new StringLiteral(plain.toString(), like.toString()));
            }
            if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    break;
                }
                char e = src.charAt(pos + 1);
                char decoded = switch (e) {
                    case '\'', '"', '\\', '%', '_' -> e;
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'u' -> {
                        if (pos + 6 > src.length() || !isHex(src.substring(pos + 2, pos + 6))) {
                            throw illegalEscape(start, pos);
                        }
                        char u = (char) Integer.parseInt(src.substring(pos + 2, pos + 6), 16);
                        pos += 4;
                        yield u;
                    }
                    default -> throw illegalEscape(start, pos);
                };
                plain.append(decoded);
                if (e == '%' || e == '_' || e == '\\') {
                    like.append('\\');
                }
                like.append(decoded);
                pos += 2;
                continue;
            }
            plain.append(c);
            like.append(c);
            pos++;
        }
        throw errors.at(start, QueryErrors.MALFORMED_QUERY, "unterminated string literal: " + src.substring(start));
    }

    /** A decoded string literal; {@code like} keeps escaped wildcards for LIKE patterns. */
    record StringLiteral(String plain, String like) {
    }

    private SoqlException illegalEscape(int start, int escapeAt) {
        int end = Math.min(src.length(), escapeAt + 2);
        return errors.at(start, QueryErrors.MALFORMED_QUERY, "Invalid string literal '" + src.substring(start + 1, end)
                + "'. Illegal character sequence '" + src.substring(escapeAt, end) + "' in string literal.");
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
