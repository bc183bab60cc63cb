package dev.centaur.inference.grpc;

import dev.centaur.inference.service.InvalidInputException;
import dev.centaur.inference.service.NotFoundException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/** The one place where this service's exceptions become gRPC statuses. */
public final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);

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
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL.withDescription("internal error: " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage()).withCause(failure).asRuntimeException();
    }
}
