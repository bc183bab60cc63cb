package dev.centaur.inference.grpc;

import dev.centaur.inference.batching.BatcherClosedException;
import dev.centaur.inference.batching.DeadlineExpiredException;
import dev.centaur.inference.batching.QueueFullException;
import dev.centaur.inference.remotellm.RemoteModelException;
import dev.centaur.inference.service.AlreadyExistsException;
import dev.centaur.inference.service.FailedPreconditionException;
import dev.centaur.inference.service.ResourceExhaustedException;
import dev.centaur.inference.service.InvalidInputException;
import dev.centaur.inference.service.NotFoundException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.jboss.logging.Logger;

/** The one place where this service's exceptions become gRPC statuses. */
public final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);
    /** SQLSTATE class 08: connection exceptions. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE 57P01..57P03: the server is shutting down or restarting. */
    private static final String SERVER_SHUTTING_DOWN = "57P0";
    /** Bounds the walk through causes and suppressed exceptions (they may form a cycle). */
    private static final int MAX_CAUSES = 32;

    private StatusMapper() {
    }

    public static Throwable toStatusException(Throwable failure) {
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            return failure;
        }
        if (failure instanceof InvalidInputException) {
            return Status.INVALID_ARGUMENT.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof NotFoundException) {
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof FailedPreconditionException) {
            return Status.FAILED_PRECONDITION.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof AlreadyExistsException) {
            return Status.ALREADY_EXISTS.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof ResourceExhaustedException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof RemoteModelException remote) {
            return remoteStatus(remote.reason()).withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof QueueFullException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof BatcherClosedException) {
            return Status.UNAVAILABLE.withDescription(failure.getMessage() + ": the service is stopping, retry")
                    .asRuntimeException();
        }
        if (failure instanceof DeadlineExpiredException) {
            return Status.DEADLINE_EXCEEDED.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (databaseUnreachable(failure)) {
            LOG.warn("database unavailable", failure);
            return Status.UNAVAILABLE.withDescription("database unavailable: " + failure.getMessage())
                    .withCause(failure).asRuntimeException();
        }
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL.withDescription("internal error: " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage()).withCause(failure).asRuntimeException();
    }

    static Status remoteStatus(RemoteModelException.Reason reason) {
        return switch (reason) {
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case RATE_LIMITED -> Status.RESOURCE_EXHAUSTED;
            case REQUEST_REFUSED -> Status.INVALID_ARGUMENT;
            case MISCONFIGURED -> Status.FAILED_PRECONDITION;
        };
    }

    /** A lost connection or an exhausted pool anywhere in the cause chain: worth retrying later. */
    static boolean databaseUnreachable(Throwable failure) {
        return databaseUnreachable(failure, 0);
    }

    /** Suppressed exceptions count too: a failed commit carries the driver's error so. */
    private static boolean databaseUnreachable(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                            || sql.getSQLState().startsWith(SERVER_SHUTTING_DOWN))) {
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
