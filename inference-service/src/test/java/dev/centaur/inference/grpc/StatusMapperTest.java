package dev.centaur.inference.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.centaur.inference.batching.BatcherClosedException;
import dev.centaur.inference.batching.DeadlineExpiredException;
import dev.centaur.inference.batching.QueueFullException;
import dev.centaur.inference.service.FailedPreconditionException;
import dev.centaur.inference.service.InvalidInputException;
import dev.centaur.inference.service.NotFoundException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

    private static Status statusOf(Throwable failure) {
        return ((StatusRuntimeException) StatusMapper.toStatusException(failure)).getStatus();
    }

    @Test
    void domainExceptionsKeepTheirMessage() {
        Status invalid = statusOf(new InvalidInputException("labels[1] is empty"));
        assertEquals(Status.Code.INVALID_ARGUMENT, invalid.getCode());
        assertEquals("labels[1] is empty", invalid.getDescription());
        assertEquals(Status.Code.NOT_FOUND, statusOf(new NotFoundException("version_id 'x'")).getCode());
        assertEquals(Status.Code.FAILED_PRECONDITION,
                statusOf(new FailedPreconditionException("model_name 'm' has no earlier active version")).getCode());
    }

    @Test
    void aFullQueueIsResourceExhaustedAndAnExpiredDeadlineIsDeadlineExceeded() {
        Status full = statusOf(new QueueFullException("model m has 10 items queued"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, full.getCode());
        assertEquals("model m has 10 items queued", full.getDescription());
        assertEquals(Status.Code.DEADLINE_EXCEEDED, statusOf(new DeadlineExpiredException("deadline passed")).getCode());
    }

    @Test
    void aClosedBatchQueueIsUnavailable() {
        Status closed = statusOf(new BatcherClosedException("batch aggregator m@v closed"));
        assertEquals(Status.Code.UNAVAILABLE, closed.getCode());
        assertEquals("batch aggregator m@v closed: the service is stopping, retry", closed.getDescription());
    }

    @Test
    void lostDatabaseConnectionsAreUnavailable() {
        assertEquals(Status.Code.UNAVAILABLE,
                statusOf(new RuntimeException(new SQLException("connection refused", "08001"))).getCode());
        assertEquals(Status.Code.UNAVAILABLE,
                statusOf(new IllegalStateException(new SQLTransientConnectionException("pool exhausted"))).getCode());
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
    void otherFailuresAreInternalAndStatusesPassThrough() {
        assertEquals(Status.Code.INTERNAL, statusOf(new SQLException("duplicate key", "23505")).getCode());
        assertEquals(Status.Code.INTERNAL, statusOf(new IllegalStateException("boom")).getCode());
        StatusRuntimeException already = Status.RESOURCE_EXHAUSTED.asRuntimeException();
        assertSame(already, StatusMapper.toStatusException(already));
    }
}
