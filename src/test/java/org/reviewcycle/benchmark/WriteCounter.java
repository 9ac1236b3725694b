package org.reviewcycle.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Counts the rows the application writes (inserted, updated, deleted, as the driver reports them),
 * per table, and the queries, by wrapping the application's DataSource. The benchmark reads the
 * counts before and after an operation to report rows written per operation, whatever the
 * database.
 */
final class WriteCounter {

    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|delete)\\s+([A-Za-z0-9_.`\"]+)",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, LongAdder> rowsByTable = new ConcurrentHashMap<>();
    private final LongAdder queries = new LongAdder();

    /** What was written up to now. */
    Snapshot snapshot() {
        var rows = new TreeMap<String, Long>();
        rowsByTable.forEach((table, count) -> rows.put(table, count.sum()));
        return new Snapshot(rows, queries.sum());
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, (Connection) result, this::onConnection) : result);
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        String name = method.getName();
        if (name.equals("prepareStatement")) {
            String sql = (String) args[0];
            return proxy(PreparedStatement.class, (PreparedStatement) result,
                    (m, a, r) -> onStatement(sql, m, a, r, (PreparedStatement) result));
        } else if (name.equals("createStatement")) {
            return proxy(Statement.class, (Statement) result, (m, a, r) -> onStatement(null, m, a, r, (Statement) result));
        }
        return result;
    }

    private Object onStatement(String preparedSql, Method method, Object[] args, Object result, Statement target)
            throws Exception {
        String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        switch (method.getName()) {
            case "executeQuery" -> queries.increment();
            case "executeUpdate", "executeLargeUpdate" -> count(sql, ((Number) result).longValue());
            case "executeBatch" -> {
                long rows = 0;
                for (int n : (int[]) result) {
                    rows += n >= 0 ? n : 1; // SUCCESS_NO_INFO: the driver rewrote the batch and counts none
                }
                count(sql, rows);
            }
            case "execute" -> {
                if (Boolean.FALSE.equals(result)) {
                    count(sql, Math.max(0, target.getUpdateCount()));
                } else {
                    queries.increment();
                }
            }
            default -> {
            }
        }
        return result;
    }

    private void count(String sql, long rows) {
        if (sql == null || rows == 0) {
            return;
        }
        Matcher matcher = WRITTEN_TABLE.matcher(sql);
        if (matcher.find()) {
            String table = matcher.group(1).replace("`", "").replace("\"", "").toUpperCase();
            rowsByTable.computeIfAbsent(table, t -> new LongAdder()).add(rows);
        }
    }

    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return (T) Proxy.newProxyInstance(WriteCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Rows written per table and queries (selects), at one moment. */
    record Snapshot(Map<String, Long> rowsByTable, long queries) {

        long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What was written between {@code earlier} and this snapshot. */
        Snapshot since(Snapshot earlier) {
            var rows = new TreeMap<String, Long>();
            rowsByTable.forEach((table, count) -> {
                long delta = count - earlier.rowsByTable.getOrDefault(table, 0L);
                if (delta != 0) {
                    rows.put(table, delta);
                }
            });
            return new Snapshot(rows, queries - earlier.queries);
        }
    }
}
