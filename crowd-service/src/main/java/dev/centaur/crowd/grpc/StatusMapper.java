package dev.centaur.crowd.grpc;

import dev.centaur.crowd.service.CrowdException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** The one place where failures become gRPC statuses. */
final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);
    /** Bounds the walk through causes and suppressed exceptions (they may form a cycle). */
    private static final int MAX_CAUSES = 32;

    private StatusMapper() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof CrowdException refused) {
            return statusOf(refused.kind()).withDescription(refused.getMessage()).asRuntimeException();
        }
        if (databaseUnreachable(failure)) {
            LOG.warn("Database unreachable", failure);
            return Status.UNAVAILABLE.withDescription("crowd-service cannot reach its database ("
                    + failure.getClass().getSimpleName() + "): retry").asRuntimeException();
        }
        LOG.error("Request failed unexpectedly", failure);
        return Status.INTERNAL.withDescription("internal error (" + failure.getClass().getSimpleName()
                + "); see the crowd-service log").asRuntimeException();
    }

    /**
     * A lost or refused connection anywhere in the cause chain (SQLSTATE class 08, or 57P0x: the
     * server shutting down or restarting), or no connection free in the pool: worth retrying. A
     * failed commit carries the driver's error as a suppressed exception, so those count too.
     */
    static boolean databaseUnreachable(Throwable failure) {
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

    private static Status statusOf(CrowdException.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case PERMISSION_DENIED -> Status.PERMISSION_DENIED;
            case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
        };
    }
}
