package dev.centaur.qc.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** A database that is down or restarting is UNAVAILABLE (clients retry); other surprises stay INTERNAL. */
class StatusMapperTest {

    private static Status statusOf(Throwable failure) {
        return StatusMapper.toStatus(failure).getStatus();
    }

    @Test
    void lostConnectionsAndARestartingServerAreUnavailable() {
        assertEquals(Status.Code.UNAVAILABLE, statusOf(new IllegalStateException(new JDBCConnectionException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).getCode());
        assertEquals(Status.Code.UNAVAILABLE, statusOf(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))).getCode());
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
    void otherDatabaseFailuresAreInternal() {
        assertEquals(Status.Code.INTERNAL, statusOf(new SQLException("duplicate key", "23505")).getCode());
    }
}
