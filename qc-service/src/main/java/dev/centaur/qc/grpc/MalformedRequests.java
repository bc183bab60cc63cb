package dev.centaur.qc.grpc;

import dev.centaur.guard.grpc.MalformedRequestInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Request bytes that do not parse as the method's message are INVALID_ARGUMENT naming the message
 * type, not the INTERNAL that Quarkus's Vert.x transport would give (see guard's interceptor).
 */
@ApplicationScoped
public class MalformedRequests {

    @Produces
    @Singleton
    @GlobalInterceptor
    MalformedRequestInterceptor malformedRequestInterceptor() {
        return new MalformedRequestInterceptor();
    }
}
