package dev.centaur.crowd.grpc;

import dev.centaur.crowd.service.CrowdException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/** The one place where failures become gRPC statuses. */
final class StatusMapper {

    private static final Logger LOG = Logger.getLogger(StatusMapper.class);

    private StatusMapper() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof CrowdException refused) {
            return statusOf(refused.kind()).withDescription(refused.getMessage()).asRuntimeException();
        }
        LOG.error("Request failed unexpectedly", failure);
        return Status.INTERNAL.withDescription("internal error (" + failure.getClass().getSimpleName()
                + "); see the crowd-service log").asRuntimeException();
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
