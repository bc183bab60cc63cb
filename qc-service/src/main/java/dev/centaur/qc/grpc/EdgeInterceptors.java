package dev.centaur.qc.grpc;

import dev.centaur.guard.grpc.DescriptionLimitInterceptor;
import dev.centaur.guard.grpc.MalformedRequestInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** guard's request hygiene on every gRPC call (the limits and the role check are wired apart). */
@ApplicationScoped
public class EdgeInterceptors {

    /**
     * Request bytes that do not parse as the method's message, or text holding U+0000, are
     * INVALID_ARGUMENT naming the message or the field, not the INTERNAL they would end in.
     */
    @Produces
    @Singleton
    @GlobalInterceptor
    MalformedRequestInterceptor malformedRequestInterceptor() {
        return new MalformedRequestInterceptor();
    }

    /** Refusals quoting a huge value stay small enough for the trailer that carries them. */
    @Produces
    @Singleton
    @GlobalInterceptor
    DescriptionLimitInterceptor descriptionLimitInterceptor() {
        return new DescriptionLimitInterceptor();
    }
}
