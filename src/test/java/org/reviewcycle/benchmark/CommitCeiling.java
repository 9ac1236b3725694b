package org.reviewcycle.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * The physical ceiling of this machine and database for an operation: plain JDBC transactions,
 * each inserting as many rows (one batch, as the engine sends them) as one transaction of the
 * operation writes, committed one after another by as many threads as the operation uses. Nothing
 * of the engine or of ours runs; what the database and the disk take to commit is all there is.
 */
final class CommitCeiling {

    private static final long MEASURE_NANOS = 3_000_000_000L;

    private final DataSource dataSource;

    CommitCeiling(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            sql.execute("create table if not exists bench_commit_ceiling (id bigint auto_increment primary key, "
                    + "thread_id int not null, payload varchar(200) not null)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the table for the commit ceiling", e);
        }
    }

    BenchmarkFigures.CommitCeiling measure(String operation, int rowsPerTransaction, int threads) {
        int rows = Math.max(1, rowsPerTransaction);
        var transactions = new AtomicLong();
        long until = System.nanoTime() + MEASURE_NANOS;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var done = new ArrayList<Future<?>>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (var insert = connection.prepareStatement(
                            "insert into bench_commit_ceiling (thread_id, payload) values (?, ?)")) {
                        while (System.nanoTime() < until) {
                            for (int r = 0; r < rows; r++) {
                                insert.setInt(1, thread);
                                insert.setString(2, "a row as long as a typical one of the engine's, " + r);
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            connection.commit();
                            transactions.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("The commit ceiling could not be measured", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            sql.execute("delete from bench_commit_ceiling");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new BenchmarkFigures.CommitCeiling(operation, rows, threads, transactions.get() / seconds);
    }
}
