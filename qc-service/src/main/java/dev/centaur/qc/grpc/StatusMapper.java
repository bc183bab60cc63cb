package dev.centaur.qc.grpc;

import dev.centaur.qc.service.InvalidRequestException;
import dev.centaur.qc.service.NotFoundException;
import dev.centaur.qc.service.PreconditionFailedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/** The one place where QC's exceptions become gRPC statuses. */
final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);

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
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
                LOG.warn("database unreachable", failure);
                return Status.UNAVAILABLE.withDescription("the QC database is unreachable, retry later")
                        .asRuntimeException();
            }
        }
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL.withDescription("internal error in qc-service: " + failure.getClass().getSimpleName())
                .asRuntimeException();
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
        return null;
    }
}
