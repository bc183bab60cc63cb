package dev.centaur.qc.grpc;

import dev.centaur.qc.service.InvalidRequestException;
import dev.centaur.qc.service.NotFoundException;
import dev.centaur.qc.service.PermissionDeniedException;
import dev.centaur.qc.service.PreconditionFailedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** The one place where QC's exceptions become gRPC statuses. */
final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);
    /** Bounds the walk through suppressed exceptions (they may form a cycle). */
    private static final int MAX_CAUSES = 32;

    private StatusMapper() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        // Transaction and proxy layers may wrap the domain exception: the innermost known one wins.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Status status = statusOf(cause);
            if (status != null) {
                return status.withDescription(cause.getMessage()).asRuntimeException();
            }
            if (cause instanceof StatusRuntimeException statusException) {
                return statusException;
            }
            if (lostConnection(cause, 0)) {
                LOG.warn("database unreachable", failure);
                return Status.UNAVAILABLE.withDescription("the QC database is unreachable, retry later")
                        .asRuntimeException();
            }
        }
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL.withDescription("internal error in qc-service: " + failure.getClass().getSimpleName())
                .asRuntimeException();
    }

    /**
     * This exception says the connection is gone: JDBC connection errors, SQLSTATE class 08 or
     * 57P0x (the server shutting down or restarting), here or in a suppressed exception, where a
     * failed commit carries the driver's error.
     */
    private static boolean lostConnection(Throwable failure, int depth) {
        if (failure instanceof JDBCConnectionException || failure instanceof SQLTransientConnectionException
                || (failure instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            for (Throwable cause = suppressed; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
                if (lostConnection(cause, depth + 1)) {
                    return true;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
        }
        return false;
    }

    private static Status statusOf(Throwable failure) {
        if (failure instanceof InvalidRequestException) {
            return Status.INVALID_ARGUMENT;
        }
        if (failure instanceof NotFoundException) {
            return Status.NOT_FOUND;
        }
        if (failure instanceof PreconditionFailedException) {
            return Status.FAILED_PRECONDITION;
        }
        if (failure instanceof PermissionDeniedException) {
            return Status.PERMISSION_DENIED;
        }
        return null;
    }
}
