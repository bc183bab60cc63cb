package dev.centaur.router.grpc;

import dev.centaur.router.error.AlreadyExistsException;
import dev.centaur.router.error.FailedPreconditionException;
import dev.centaur.router.error.InvalidArgumentException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.error.UnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** The one place where router's exceptions become gRPC statuses. */
public final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);
    /** Bounds the walk through causes and suppressed exceptions (they may form a cycle). */
    private static final int MAX_CAUSES = 32;

    private StatusMapper() {
    }

    static StatusRuntimeException toStatusException(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        Status status;
        if (failure instanceof InvalidArgumentException) {
            status = Status.INVALID_ARGUMENT;
        } else if (failure instanceof NotFoundException) {
            status = Status.NOT_FOUND;
        } else if (failure instanceof AlreadyExistsException) {
            status = Status.ALREADY_EXISTS;
        } else if (failure instanceof FailedPreconditionException) {
            status = Status.FAILED_PRECONDITION;
        } else if (failure instanceof UnavailableException) {
            status = Status.UNAVAILABLE;
        } else if (databaseUnreachable(failure)) {
            LOG.warn("Database unreachable", failure);
            return Status.UNAVAILABLE.withDescription("router cannot reach its database ("
                    + failure.getClass().getSimpleName() + "): retry").asRuntimeException();
        } else {
            LOG.error("Request failed", failure);
            return Status.INTERNAL.withDescription("router failed: " + failure.getClass().getSimpleName())
                    .withCause(failure).asRuntimeException();
        }
        return status.withDescription(failure.getMessage()).asRuntimeException();
    }

    /**
     * A lost or refused connection anywhere in the cause chain (SQLSTATE class 08, or 57P0x: the
     * server shutting down or restarting), or no connection free in the pool: worth retrying. A
     * failed commit carries the driver's error as a suppressed exception, so those count too.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        return databaseUnreachable(failure, 0);
    }

    private static boolean databaseUnreachable(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (databaseUnreachable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
