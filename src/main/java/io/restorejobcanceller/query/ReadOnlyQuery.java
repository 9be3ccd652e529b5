package io.restorejobcanceller.query;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * The check that a {@code query} only reads, before it reaches the database: one SELECT, calling only
 * {@link PureFunctions}, with no INTO, no FOR UPDATE, no statement that writes inside it (a {@code WITH x AS (DELETE
 * ...)}) and no sequence advanced. The database runs the statement as printed back from what was checked, not the
 * text as given: a comment that the parser and the database end in different places (PostgreSQL nests them) could
 * otherwise hide a call from the check; backslashes are refused for the same reason (PostgreSQL's {@code E'\''}).
 */
final class ReadOnlyQuery {

    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.";
    /** The parser's own tokens and syntax tree: they mirror the statement and lead back up to its root. */
    private static final String PARSER_INTERNALS = "net.sf.jsqlparser.parser.";

    private ReadOnlyQuery() {
    }

    /**
     * The statement to run.
     *
     * @throws RefusedQueryException naming the first thing that is not a pure read
     */
    static String checked(String sql) {
        if (sql.indexOf('\\') >= 0) {
            throw new RefusedQueryException("query refuses backslashes (a string written E'...' or with \\ escapes reads"
                    + " differently to the database than to the check that it only reads); write a quote in a string as ''");
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new RefusedQueryException("query takes one SELECT statement; this one could not be read as SQL");
        }
        if (statements.size() != 1 || !(statements.get(0) instanceof Select)) {
            String got = statements.size() != 1 ? statements.size() + " statements" : "a " + kind(statements.get(0)) + " statement";
            throw new RefusedQueryException("query takes one SELECT statement and nothing else (it never changes the database), not " + got);
        }
        walk(statements.get(0), Collections.newSetFromMap(new IdentityHashMap<>()));
        return statements.get(0).toString();
    }

    /**
     * Every node of the parsed statement, found through its fields rather than through the parser's visitors, which
     * need not descend into every clause (a function in a window's ORDER BY, in a FROM's table function...).
     */
    private static void walk(Object node, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> items) {
            items.forEach(item -> walk(item, seen));
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> {
                walk(key, seen);
                walk(value, seen);
            });
            return;
        }
        if (node instanceof Object[] items) {
            List.of(items).forEach(item -> walk(item, seen));
            return;
        }
        String type = node.getClass().getName();
        if (!type.startsWith(PARSER_PACKAGE) || type.startsWith(PARSER_INTERNALS) || node.getClass().isEnum()) {
            return;
        }
        refuseIfNotARead(node);
        for (Class<?> c = node.getClass(); c != null && c.getName().startsWith(PARSER_PACKAGE); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    try {
                        walk(field.get(node), seen);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    private static void refuseIfNotARead(Object node) {
        if (node instanceof Function function && !(node instanceof TableFunction) && !PureFunctions.allows(function.getName())) {
            throw refusedFunction(function.getName());
        }
        if (node instanceof AnalyticExpression function && !PureFunctions.allows(function.getName())) {
            throw refusedFunction(function.getName());
        }
        if (node instanceof NextValExpression) {
            throw new RefusedQueryException("query refuses NEXT VALUE FOR: it advances a sequence (a query never changes the database)");
        }
        if (node instanceof Statement statement && !(statement instanceof Select)) {
            throw new RefusedQueryException("query refuses a " + kind(statement) + " inside the SELECT (a query never changes the database)");
        }
        if (node instanceof PlainSelect select && (select.getIntoTables() != null || select.getIntoTempTable() != null)) {
            throw new RefusedQueryException("query refuses SELECT ... INTO: it creates a table (a query never changes the database)");
        }
        if (node instanceof Select select && select.getForMode() != null) {
            throw new RefusedQueryException("query refuses SELECT ... FOR " + select.getForMode().getValue()
                    + ": it locks rows that a run may be writing (a query never changes the database)");
        }
    }

    private static RefusedQueryException refusedFunction(String name) {
        return new RefusedQueryException("query refuses the function " + name + ": only functions that compute a value"
                + " (aggregates, string, number, date, JSON, CASE/COALESCE/CAST...) may be called, never one that writes,"
                + " reads files, reaches another database, waits or signals");
    }

    private static String kind(Statement statement) {
        return statement.getClass().getSimpleName().replaceFirst("^Parenthesed", "").toUpperCase(Locale.ROOT);
    }
}
