package dev.centaur.guard.grpc;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.InFlightLimiter;
import dev.centaur.guard.RateLimiter;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Back-pressure at a service's edge: a per-caller rate limit and a cap on calls in flight. Both
 * refuse at once with RESOURCE_EXHAUSTED (the description names the limit and its config key, the
 * {@code retry-after-ms} trailer says when to try again), so an overloaded service answers quickly
 * instead of letting calls wait out their deadlines.
 *
 * <p>A caller is its bearer token (by hash), or its address when it sends none. The services'
 * own token is exempt from the rate limit: calls between services are paced by their senders'
 * batching, and refusing them would only move work into retries. Every call, the services' too,
 * counts against the in-flight cap.
 */
public final class LimitsInterceptor implements ServerInterceptor {

    /** Config key of the per-caller rate, named in refusals. */
    public static final String RATE_KEY = "centaur.limits.requests-per-second";
    /** Config key of the in-flight cap, named in refusals. */
    public static final String IN_FLIGHT_KEY = "centaur.limits.max-in-flight";
    /** Trailer telling a refused caller how many milliseconds to wait. */
    public static final Metadata.Key<String> RETRY_AFTER_MS =
            Metadata.Key.of("retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);
    /** How soon a caller refused for the in-flight cap may try again: about one short call. */
    private static final long IN_FLIGHT_RETRY_MS = 50;

    /**
     * The limits.
     *
     * @param requestsPerSecond per caller, on average
     * @param burst per caller, at once
     * @param maxInFlight calls at once in this service, all callers together
     * @param maxCallers callers tracked at once (idle ones are dropped first)
     * @param exemptTokenSha256 hash of the services' own token, exempt from the rate limit
     */
    public record Limits(double requestsPerSecond, int burst, int maxInFlight, int maxCallers,
            Optional<String> exemptTokenSha256) {
    }

    private final Limits limits;
    private final RateLimiter rateLimiter;
    private final InFlightLimiter inFlight;

    public LimitsInterceptor(Limits limits) {
        this.limits = limits;
        this.rateLimiter = new RateLimiter(limits.requestsPerSecond(), limits.burst(), limits.maxCallers());
        this.inFlight = new InFlightLimiter(limits.maxInFlight());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        Optional<String> tokenHash = BearerTokens.fromHeader(headers.get(AUTHORIZATION)).map(BearerTokens::sha256Hex);
        boolean exempt = tokenHash.isPresent() && tokenHash.equals(limits.exemptTokenSha256().map(String::toLowerCase));
        if (!exempt) {
            String caller = tokenHash.map(h -> "token:" + h).orElseGet(() -> "peer:" + peerHost(call));
            RateLimiter.Decision decision = rateLimiter.tryAcquire(caller);
            if (!decision.allowed()) {
                return refuse(call, decision.retryAfterMillis(), "rate limit of "
                        + format(limits.requestsPerSecond()) + " calls/s (burst " + limits.burst()
                        + ") per caller exceeded (" + RATE_KEY + "); retry after "
                        + decision.retryAfterMillis() + " ms");
            }
        }
        if (!inFlight.tryEnter()) {
            return refuse(call, IN_FLIGHT_RETRY_MS, "server busy: " + limits.maxInFlight()
                    + " calls in flight, the most this replica takes (" + IN_FLIGHT_KEY
                    + "); retry after " + IN_FLIGHT_RETRY_MS + " ms or on another replica");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.exit();
            }
        };
        ServerCall<Q, R> releasing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                try {
                    super.close(status, trailers);
                } finally {
                    release.run();
                }
            }
        };
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(releasing, headers);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                try {
                    super.onCancel();
                } finally {
                    release.run();
                }
            }

            @Override
            public void onComplete() {
                try {
                    super.onComplete();
                } finally {
                    release.run();
                }
            }
        };
    }

    /** Calls in flight now (for a gauge). */
    public int inFlight() {
        return inFlight.inFlight();
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, long retryAfterMs, String description) {
        Metadata trailers = new Metadata();
        trailers.put(RETRY_AFTER_MS, Long.toString(retryAfterMs));
        call.close(Status.RESOURCE_EXHAUSTED.withDescription(description), trailers);
        return new ServerCall.Listener<>() {
        };
    }

    private static String peerHost(ServerCall<?, ?> call) {
        SocketAddress address = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(address);
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
