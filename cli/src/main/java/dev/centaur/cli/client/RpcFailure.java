package dev.centaur.cli.client;

import dev.centaur.cli.CliException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.util.function.Supplier;

/** Turns a failed RPC into a message naming the call, the status and the service's description. */
public final class RpcFailure {

    private RpcFailure() {
    }

    public static String describe(String rpc, StatusRuntimeException e) {
        Status status = e.getStatus();
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        String cause = status.getCause() == null ? "" : " (" + status.getCause() + ")";
        String hint = status.getCode() == Status.Code.UNAUTHENTICATED
                ? " (pass a token: --token-file <file>, $CENTAUR_TOKEN or --token; centaur up/demo/bench write the run's"
                + " admin token to <run-dir>/admin-token)" : "";
        return rpc + " failed with " + status.getCode() + description + cause + hint;
    }

    /** Runs one call; a failure becomes a {@link CliException} with a readable message. */
    public static <T> T call(String rpc, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new CliException(describe(rpc, e), e);
        }
    }
}
