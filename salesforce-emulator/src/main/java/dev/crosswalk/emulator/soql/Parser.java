package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.soql.Ast.Condition;
import dev.crosswalk.emulator.soql.Ast.Literal;
import dev.crosswalk.emulator.soql.Ast.Name;
import dev.crosswalk.emulator.soql.Ast.OrderItem;
import dev.crosswalk.emulator.soql.Ast.Query;
import dev.crosswalk.emulator.soql.Ast.SelectItem;
import dev.crosswalk.emulator.soql.Token.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser for the SOQL subset the emulator serves.
 *
 * <p>Why by hand and not generated (we evaluated the ANTLR grammar of apex-parser): the emulator
 * must answer with Salesforce's own error shape ({@code unexpected token: X} under a caret at
 * {@code ERROR at Row:1:Column:N}), which is direct here and a fight with ANTLR's error strategy;
 * the subset is small (one statement, a dozen clauses); and we keep ANTLR's runtime and its
 * per-query allocation out of a path that the Bulk benchmark runs hot. Parsing runs once per
 * query; rows are never touched here.
 *
 * <p>Grammar (keywords case-insensitive):
 * <pre>
 * query      := SELECT item (',' item)* FROM name [USING SCOPE name] [WHERE condition]
 *               [WITH name] [GROUP BY name (',' name)*] [ORDER BY order (',' order)*] [LIMIT int]
 *               [OFFSET int] [FOR (VIEW | REFERENCE | UPDATE)]
 * item       := '(' query ')' | COUNT '(' ')' | function '(' name ')' [alias] | FIELDS '(' (ALL | STANDARD | CUSTOM) ')' | name
 * function   := COUNT | COUNT_DISTINCT | MIN | MAX | SUM | AVG
 * condition  := unary (AND unary)* | unary (OR unary)*        -- mixing needs parentheses
 * unary      := NOT unary | '(' condition ')' | simple
 * simple     := name op literal | name LIKE literal | name [NOT] IN '(' (query | literal (',' literal)*) ')'
 *             | name (INCLUDES | EXCLUDES) '(' literal (',' literal)* ')'
 * literal    := NULL | TRUE | FALSE | number | string | date | datetime | RELATIVE [':' int]
 * order      := (name | function '(' name ')') [ASC | DESC] [NULLS (FIRST | LAST)]
 * </pre>
 */
final class Parser {
    /** Salesforce's reserved words: never field or object names. */
    private static final Set<String> RESERVED = Set.of("AND", "ASC", "DESC", "EXCLUDES", "FIRST", "FROM", "GROUP",
            "HAVING", "IN", "INCLUDES", "LAST", "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "OR", "SELECT", "WHERE", "WITH");
    static final Set<String> AGGREGATE_FUNCTIONS = Set.of("COUNT", "COUNT_DISTINCT", "MIN", "MAX", "SUM", "AVG");
    private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of("TYPEOF", "CALENDAR_MONTH",
            "CALENDAR_YEAR", "DAY_ONLY", "HOUR_IN_DAY", "FORMAT", "TOLABEL", "CONVERTCURRENCY", "GROUPING", "DISTANCE");

    private final List<Token> tokens;
    private final QueryErrors errors;
    private int index;
    /** Subquery nesting: Salesforce allows one level of parent-to-child subqueries here. */
    private int depth;

    private Parser(List<Token> tokens, QueryErrors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    static Query parse(String soql, QueryErrors errors) {
        Parser parser = new Parser(new Lexer(soql, errors).tokenize(), errors);
        Query query = parser.query();
        if (!parser.peek().is(Type.EOF)) {
            throw errors.unexpected(parser.peek());
        }
        return query;
    }

    private Query query() {
        expectKeyword("SELECT");
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (accept(Type.COMMA));
        expectKeyword("FROM");
        Name from = name();
        if (acceptKeyword("USING")) {
            expectKeyword("SCOPE");
            name();
        }
        Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        if (acceptKeyword("WITH")) {
            name(); // SECURITY_ENFORCED, USER_MODE, SYSTEM_MODE: access is always enforced here.
        }
        List<Name> groupBy = List.of();
        if (acceptKeyword("GROUP")) {
            expectKeyword("BY");
            if (peek().isKeyword("ROLLUP") || peek().isKeyword("CUBE")) {
                throw errors.at(peek().offset(), QueryErrors.MALFORMED_QUERY,
                        "GROUP BY " + peek().upper() + " is not supported by the Salesforce emulator");
            }
            groupBy = new ArrayList<>();
            do {
                groupBy.add(name());
            } while (accept(Type.COMMA));
        }
        if (peek().isKeyword("HAVING")) {
            throw errors.at(peek().offset(), QueryErrors.MALFORMED_QUERY, "HAVING is not supported by the Salesforce emulator");
        }
        List<OrderItem> orderBy = List.of();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            orderBy = new ArrayList<>();
            do {
                orderBy.add(orderItem());
            } while (accept(Type.COMMA));
        }
        Integer limit = null;
        if (acceptKeyword("LIMIT")) {
            limit = nonNegativeInt();
        }
        Integer offset = null;
        int offsetPosition = -1;
        if (peek().isKeyword("OFFSET")) {
            next();
            offsetPosition = peek().offset();
            offset = nonNegativeInt();
        }
        if (acceptKeyword("FOR")) {
            Token mode = next();
            if (!(mode.isKeyword("VIEW") || mode.isKeyword("REFERENCE") || mode.isKeyword("UPDATE"))) {
                throw errors.unexpected(mode);
            }
        }
        return new Query(List.copyOf(items), from, where, List.copyOf(groupBy), List.copyOf(orderBy), limit, offset,
                offsetPosition);
    }

    private SelectItem selectItem() {
        Token t = peek();
        if (t.is(Type.LPAREN)) {
            next();
            if (!peek().isKeyword("SELECT")) {
                throw errors.unexpected(peek());
            }
            if (depth > 0) {
                throw errors.at(t.offset(), QueryErrors.MALFORMED_QUERY,
                        "nested parent-to-child subqueries are not supported by the Salesforce emulator");
            }
            depth++;
            Query sub = query();
            depth--;
            expect(Type.RPAREN);
            return new Ast.SubQuery(sub, t.offset());
        }
        if (t.is(Type.IDENT) && peekAt(1).is(Type.LPAREN)) {
            String function = t.upper();
            if (AGGREGATE_FUNCTIONS.contains(function)) {
                next();
                next();
                if (function.equals("COUNT") && accept(Type.RPAREN)) {
                    return new Ast.CountAll(t.offset());
                }
                Name field = name();
                expect(Type.RPAREN);
                String alias = null;
                if (peek().is(Type.IDENT) && !isReserved(peek())) {
                    alias = next().text();
                }
                return new Ast.Aggregate(function, field, alias, t.offset());
            }
            if (function.equals("FIELDS")) {
                next();
                next();
                Token kind = next();
                if (!(kind.isKeyword("ALL") || kind.isKeyword("STANDARD") || kind.isKeyword("CUSTOM"))) {
                    throw errors.unexpected(kind);
                }
                expect(Type.RPAREN);
                return new Ast.FieldsItem(kind.upper(), t.offset());
            }
            if (UNSUPPORTED_FUNCTIONS.contains(function)) {
                throw errors.at(t.offset(), QueryErrors.MALFORMED_QUERY,
                        function + "() is not supported by the Salesforce emulator");
            }
            throw errors.unexpected(peekAt(1));
        }
        return new Ast.FieldItem(name());
    }

    private Condition condition() {
        Condition first = unary();
        Token connective = peek();
        boolean and = connective.isKeyword("AND");
        if (!and && !connective.isKeyword("OR")) {
            return first;
        }
        List<Condition> parts = new ArrayList<>();
        parts.add(first);
        while (peek().isKeyword(and ? "AND" : "OR")) {
            next();
            parts.add(unary());
        }
        if (peek().isKeyword(and ? "OR" : "AND")) {
            // SOQL has no precedence between AND and OR: "a AND b OR c" is a syntax error.
            throw errors.unexpected(peek());
        }
        return new Ast.Junction(and, List.copyOf(parts));
    }

    private Condition unary() {
        if (acceptKeyword("NOT")) {
            return new Ast.Not(unary());
        }
        if (accept(Type.LPAREN)) {
            Condition inner = condition();
            expect(Type.RPAREN);
            return inner;
        }
        return simple();
    }

    private Condition simple() {
        Name field = name();
        Token op = next();
        if (op.is(Type.OPERATOR)) {
            String symbol = op.text().equals("<>") ? "!=" : op.text();
            return new Ast.Compare(field, symbol, literal(), op.offset());
        }
        if (op.isKeyword("LIKE")) {
            return new Ast.Compare(field, "LIKE", literal(), op.offset());
        }
        if (op.isKeyword("NOT")) {
            expectKeyword("IN");
            return in(field, true, op.offset());
        }
        if (op.isKeyword("IN")) {
            return in(field, false, op.offset());
        }
        if (op.isKeyword("INCLUDES") || op.isKeyword("EXCLUDES")) {
            expect(Type.LPAREN);
            List<Literal> values = literalList();
            return new Ast.Includes(field, op.isKeyword("EXCLUDES"), values, op.offset());
        }
        throw errors.unexpected(op);
    }

    private Condition in(Name field, boolean negated, int opOffset) {
        expect(Type.LPAREN);
        if (peek().isKeyword("SELECT")) {
            int at = peek().offset();
            Query sub = query();
            expect(Type.RPAREN);
            return new Ast.SemiJoin(field, negated, sub, at);
        }
        return new Ast.InList(field, negated, literalList());
    }

    /** Literals up to and including the closing parenthesis. */
    private List<Literal> literalList() {
        List<Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (accept(Type.COMMA));
        expect(Type.RPAREN);
        return List.copyOf(values);
    }

    private Literal literal() {
        Token t = next();
        switch (t.type()) {
            case STRING -> {
                Lexer.StringLiteral s = (Lexer.StringLiteral) t.value();
                return new Ast.StringLit(s.plain(), s.like(), t.text(), t.offset());
            }
            case NUMBER -> {
                return new Ast.NumberLit((BigDecimal) t.value(), t.text(), t.offset());
            }
            case DATE -> {
                return new Ast.DateLit((java.time.LocalDate) t.value(), t.text(), t.offset());
            }
            case DATETIME -> {
                return new Ast.DateTimeLit((java.time.Instant) t.value(), t.text(), t.offset());
            }
            case IDENT -> {
                String word = t.upper();
                switch (word) {
                    case "NULL" -> { return new Ast.NullLit(t.text(), t.offset()); }
                    case "TRUE" -> { return new Ast.BoolLit(true, t.text(), t.offset()); }
                    case "FALSE" -> { return new Ast.BoolLit(false, t.text(), t.offset()); }
                    default -> { }
                }
                if (RelativeDates.isKnown(word)) {
                    if (!RelativeDates.takesN(word)) {
                        return new Ast.RelativeDate(word, 0, t.text(), t.offset());
                    }
                    expect(Type.COLON);
                    Token n = next();
                    if (!n.is(Type.NUMBER) || n.text().contains(".") || n.text().startsWith("-") || n.text().startsWith("+")) {
                        throw errors.unexpected(n);
                    }
                    int value = intValue(n);
                    return new Ast.RelativeDate(word, value, t.text() + ":" + n.text(), t.offset());
                }
                throw errors.unexpected(t);
            }
            default -> throw errors.unexpected(t);
        }
    }

    private OrderItem orderItem() {
        String function = null;
        if (peek().is(Type.IDENT) && peekAt(1).is(Type.LPAREN)) {
            Token f = next();
            if (!AGGREGATE_FUNCTIONS.contains(f.upper())) {
                throw errors.unexpected(peek());
            }
            function = f.upper();
            next();
        }
        Name field = name();
        if (function != null) {
            expect(Type.RPAREN);
        }
        boolean descending = false;
        if (acceptKeyword("DESC")) {
            descending = true;
        } else {
            acceptKeyword("ASC");
        }
        boolean nullsLast = false;
        if (acceptKeyword("NULLS")) {
            Token which = next();
            if (which.isKeyword("LAST")) {
                nullsLast = true;
            } else if (!which.isKeyword("FIRST")) {
                throw errors.unexpected(which);
            }
        }
        return new OrderItem(field, function, descending, nullsLast);
    }

    private int nonNegativeInt() {
        Token t = next();
        if (!t.is(Type.NUMBER) || t.text().contains(".") || t.text().startsWith("-") || t.text().startsWith("+")) {
            throw errors.unexpected(t);
        }
        return intValue(t);
    }

    private int intValue(Token t) {
        BigDecimal v = (BigDecimal) t.value();
        if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw errors.at(t.offset(), QueryErrors.NUMBER_OUTSIDE_VALID_RANGE, "number out of range: " + t.text());
        }
        return v.intValueExact();
    }

    private Name name() {
        Token t = next();
        if (!t.is(Type.IDENT) || isReserved(t) || t.text().endsWith(".") || t.text().contains("..")) {
            throw errors.unexpected(t);
        }
        return new Name(t.text(), t.offset());
    }

    private static boolean isReserved(Token t) {
        return RESERVED.contains(t.upper());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(index);
        if (!t.is(Type.EOF)) {
            index++;
        }
        return t;
    }

    private boolean accept(Type type) {
        if (peek().is(type)) {
            next();
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(Type type) {
        if (!accept(type)) {
            throw errors.unexpected(peek());
        }
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw errors.unexpected(peek());
        }
    }
}
