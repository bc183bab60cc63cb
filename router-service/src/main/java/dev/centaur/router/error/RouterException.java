package dev.centaur.router.error;

/** A request router refuses; grpc/StatusMapper turns each kind into its gRPC status. */
public abstract class RouterException extends RuntimeException {

    protected RouterException(String message) {
        super(message);
    }
}
