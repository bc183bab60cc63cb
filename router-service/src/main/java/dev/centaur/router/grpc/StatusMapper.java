package dev.centaur.router.grpc;

import dev.centaur.router.error.AlreadyExistsException;
import dev.centaur.router.error.FailedPreconditionException;
import dev.centaur.router.error.InvalidArgumentException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.error.UnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/** The one place where router's exceptions become gRPC statuses. */
final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);

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
        } else {
            LOG.error("Request failed", failure);
            return Status.INTERNAL.withDescription("router failed: " + failure.getClass().getSimpleName())
                    .withCause(failure).asRuntimeException();
        }
        return status.withDescription(failure.getMessage()).asRuntimeException();
    }
}
