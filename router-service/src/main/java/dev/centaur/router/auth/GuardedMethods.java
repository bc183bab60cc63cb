package dev.centaur.router.auth;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.quarkus.grpc.GrpcService;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The security annotation on each RPC of a gRPC service implementation: what a method allows, for
 * the test that no RPC is left without one and for naming the allowed roles in PERMISSION_DENIED.
 */
public final class GuardedMethods {

    /** What an RPC's implementation says about callers. */
    public sealed interface Guard permits Roles, Everyone, Nobody, Unguarded {
    }

    /** {@code @RolesAllowed}. */
    public record Roles(Set<String> roles) implements Guard {
    }

    /** {@code @PermitAll}. */
    public record Everyone() implements Guard {
    }

    /** {@code @DenyAll}. */
    public record Nobody() implements Guard {
    }

    /** No annotation, or no implementation of the RPC at all. */
    public record Unguarded(String why) implements Guard {
    }

    private GuardedMethods() {
    }

    /** The implementation class itself, past CDI's generated subclasses. */
    public static Class<?> implementationClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(GrpcService.class)) {
                return c;
            }
        }
        return type;
    }

    /** Every RPC of the service the class implements, by full method name, in the contract's order. */
    public static Map<String, Guard> of(Class<? extends BindableService> implementation) {
        Class<?> type = implementationClass(implementation);
        ServiceDescriptor service = serviceDescriptor(type);
        Map<String, Guard> guards = new LinkedHashMap<>();
        for (MethodDescriptor<?, ?> rpc : service.getMethods()) {
            guards.put(rpc.getFullMethodName(), guardOf(type, javaName(rpc.getBareMethodName())));
        }
        return guards;
    }

    private static Guard guardOf(Class<?> type, String javaName) {
        List<Method> declared = java.util.Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.getName().equals(javaName) && !method.isSynthetic())
                .toList();
        if (declared.isEmpty()) {
            return new Unguarded(type.getSimpleName() + " does not implement " + javaName);
        }
        Method method = declared.get(0);
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return new Roles(new TreeSet<>(List.of(roles.value())));
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return new Everyone();
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            return new Nobody();
        }
        return new Unguarded(type.getSimpleName() + "." + javaName
                + " has none of @RolesAllowed, @PermitAll, @DenyAll");
    }

    /**
     * The service a class implements, from the generated XxxGrpc class its base class is nested in
     * (Mutiny's generated classes nest in one without the descriptor, so the chain is walked on).
     */
    private static ServiceDescriptor serviceDescriptor(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Class<?> enclosing = c.getEnclosingClass();
            if (enclosing == null) {
                continue;
            }
            try {
                return (ServiceDescriptor) enclosing.getMethod("getServiceDescriptor").invoke(null);
            } catch (NoSuchMethodException e) {
                // not the generated grpc-java class; try the next base class
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(enclosing + ".getServiceDescriptor() failed", e);
            }
        }
        throw new IllegalArgumentException(type + " does not extend a generated gRPC ImplBase");
    }

    /** CreateProject -> createProject: the name grpc-java gives the method. */
    static String javaName(String bareMethodName) {
        return Character.toLowerCase(bareMethodName.charAt(0)) + bareMethodName.substring(1);
    }

    /** For messages: "[admin, client]". */
    public static Optional<Set<String>> allowedRoles(Guard guard) {
        return guard instanceof Roles roles ? Optional.of(roles.roles()) : Optional.empty();
    }
}
