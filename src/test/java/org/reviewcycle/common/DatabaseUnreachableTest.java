package org.reviewcycle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnreachableTest {

    /** Hikari's answer when no connection comes within its connection timeout. */
    static final SQLTransientConnectionException POOL_TIMED_OUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5000ms.");
    /** Connector/J's CommunicationsException: a connection that died in use (SQLRecoverableException, 08S01). */
    static final SQLRecoverableException LINK_FAILURE = new SQLRecoverableException("Communications link failure",
            "08S01");

    @Test
    void theDriversAndThePoolsWordsForALostDatabaseAreRecognised() {
        assertThat(DatabaseUnreachable.isCause(POOL_TIMED_OUT)).isTrue();
        assertThat(DatabaseUnreachable.isCause(LINK_FAILURE)).isTrue();
        assertThat(DatabaseUnreachable.isCause(new SQLNonTransientConnectionException("Socket fail to connect")))
                .isTrue();
        assertThat(DatabaseUnreachable.isCause(new SQLException("Could not create connection", "08001"))).isTrue();
        assertThat(DatabaseUnreachable.isCause(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void springsTranslationsOfALostDatabaseAreRecognised() {
        assertThat(DatabaseUnreachable.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
                .isTrue();
        assertThat(DatabaseUnreachable.isCause(new DataAccessResourceFailureException("gone"))).isTrue();
        assertThat(DatabaseUnreachable.isCause(new TransientDataAccessResourceException("gone"))).isTrue();
        assertThat(DatabaseUnreachable.isCause(new RecoverableDataAccessException("gone"))).isTrue();
    }

    @Test
    void aLostDatabaseIsFoundUnderEveryWrapping() {
        // Camunda's engine, over MyBatis, over the driver: a connection that died in a flush
        var engine = new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
                new PersistenceException("### Error flushing statements", LINK_FAILURE));
        assertThat(DatabaseUnreachable.isCause(engine)).isTrue();
        // the REST API's wrapping of it, and the servlet container's of that
        assertThat(DatabaseUnreachable.isCause(new ServletException("Request processing failed",
                new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR, engine)))).isTrue();
        // Spring's transaction that could not begin, under the engine's command
        assertThat(DatabaseUnreachable.isCause(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", POOL_TIMED_OUT))).isTrue();
        assertThat(DatabaseUnreachable.isCause(new TransactionSystemException("Could not commit JDBC transaction",
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
        // the connection died at the commit: what is thrown is the rollback's failure on the connection
        // Hikari has closed meanwhile (seen in DatabaseRestartIT)
        assertThat(DatabaseUnreachable.isCause(new ProcessEnginePersistenceException("An exception occurred in the"
                + " persistence layer", new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))))
                .isTrue();
    }

    @Test
    void faultsInWhatWasAskedAreNotALostDatabase() {
        assertThat(DatabaseUnreachable.isCause(new IllegalStateException("The self-reflection has been recorded already")))
                .isFalse();
        assertThat(DatabaseUnreachable.isCause(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity'")))
                .isFalse();
        assertThat(DatabaseUnreachable.isCause(new DataIntegrityViolationException("Duplicate entry",
                new SQLIntegrityConstraintViolationException("Duplicate entry '7' for key 'PRIMARY'", "23000"))))
                .isFalse();
        assertThat(DatabaseUnreachable.isCause(new ProcessEngineException("ENGINE-03004 Exception while executing",
                new PersistenceException(new SQLException("Unknown column 'x'", "42S22"))))).isFalse();
        assertThat(DatabaseUnreachable.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnreachable.isCause(new TransactionSystemException("Transaction rolled back"))).isFalse();
        assertThat(DatabaseUnreachable.isCause(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var first = new RuntimeException("first");
        var second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseUnreachable.isCause(first)).isFalse();
    }
}
