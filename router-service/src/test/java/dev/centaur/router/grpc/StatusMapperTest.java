package dev.centaur.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.router.error.NotFoundException;
import io.grpc.Status;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** A database that is down or restarting is UNAVAILABLE (clients retry); other surprises stay INTERNAL. */
class StatusMapperTest {

    private static Status statusOf(Throwable failure) {
        return StatusMapper.toStatusException(failure).getStatus();
    }

    @Test
    void lostDatabaseConnectionsAreUnavailable() {
        Status lost = statusOf(new IllegalStateException(new JDBCConnectionException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006"))));
        assertEquals(Status.Code.UNAVAILABLE, lost.getCode());
        assertTrue(lost.getDescription().contains("cannot reach its database"), lost.getDescription());
        assertEquals(Status.Code.UNAVAILABLE,
                statusOf(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))
                        .getCode());
        assertEquals(Status.Code.UNAVAILABLE, statusOf(new SQLTransientConnectionException("no connection free")).getCode());
    }

    @Test
    void aCommitCutByARestartingServerIsUnavailable() {
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertEquals(Status.Code.UNAVAILABLE, statusOf(new IllegalStateException("Error invoking subclass method", commit))
                .getCode());
    }

    @Test
    void otherFailuresAreInternalAndDomainRefusalsKeepTheirStatus() {
        assertEquals(Status.Code.INTERNAL, statusOf(new SQLException("duplicate key", "23505")).getCode());
        assertEquals(Status.Code.INTERNAL, statusOf(new IllegalStateException("boom")).getCode());
        assertEquals(Status.Code.NOT_FOUND, statusOf(new NotFoundException("project_id 'p' not found")).getCode());
    }
}
