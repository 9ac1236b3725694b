package org.reviewcycle.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, the network to it
 * down), as opposed to a fault in what was asked of it. Told by the causes, however deeply Camunda
 * ({@code ProcessEngineException}), MyBatis ({@code PersistenceException}), Spring's transactions
 * ({@code CannotCreateTransactionException}) or the servlet container wrap them:
 * <ul>
 * <li>Spring's translations: {@code CannotGetJdbcConnectionException} and every other
 * {@link DataAccessResourceFailureException}, {@link TransientDataAccessResourceException},
 * {@link RecoverableDataAccessException};</li>
 * <li>JDBC's: {@link SQLTransientConnectionException} (Hikari's "connection is not available"
 * after its connection timeout), {@link SQLNonTransientConnectionException},
 * {@link SQLRecoverableException} (Connector/J's CommunicationsException, a connection that died
 * in use), and any SQLException of SQLState class 08 (connection exception);</li>
 * <li>{@link ConnectException}: nobody listens on the database's port;</li>
 * <li>a JDBC commit or rollback that failed ({@link TransactionSystemException} over an
 * SQLException): when the connection dies at the commit, Spring logs the commit's failure and
 * throws the rollback's, which by then meets only Hikari's "Connection is closed" (the pool closed
 * the broken connection), and Camunda wraps that in a ProcessEnginePersistenceException.</li>
 * </ul>
 * What users are told then is {@link #MESSAGE} (system.DatabaseUnreachableFilter, and the REST
 * API's mapper beside it).
 */
public final class DatabaseUnreachable {

    /** The {@code type} of the REST API's answer, in the shape of Camunda's errors. */
    public static final String TYPE = "DatabaseUnreachable";
    public static final String MESSAGE = "ReviewCycle cannot reach its database just now. "
            + "Nothing you sent was saved partly: wait a minute and try again.";
    /** Seconds, for the Retry-After header: about how long a restarted database takes to answer again. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private DatabaseUnreachable() {
    }

    public static boolean isCause(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isUnreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || cause instanceof ConnectException
                || cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException;
    }
}
