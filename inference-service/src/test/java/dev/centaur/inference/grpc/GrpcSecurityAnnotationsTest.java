package dev.centaur.inference.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.quarkus.grpc.GrpcService;
import io.grpc.stub.StreamObserver;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every RPC of every @GrpcService class in inference names who may call it (@RolesAllowed, @PermitAll or
 * @DenyAll), so a new RPC cannot be forgotten: without one, Quarkus would let any caller in.
 */
class GrpcSecurityAnnotationsTest {

    @Test
    void everyRpcOfEveryGrpcServiceNamesItsRoles() throws Exception {
        List<Class<?>> services = grpcServiceClasses();
        assertFalse(services.isEmpty(), "no @GrpcService class found under " + classesDirectory());
        List<String> unsecured = new ArrayList<>();
        for (Class<?> service : services) {
            unsecured.addAll(unsecuredRpcs(service));
        }
        assertEquals(List.of(), unsecured, "RPCs without @RolesAllowed/@PermitAll/@DenyAll (DESIGN.md, Roles)");
    }

    @Test
    void theCheckFindsAnRpcWithoutAnnotationOrImplementation() throws Exception {
        List<String> unsecured = unsecuredRpcs(Forgotten.class);
        assertEquals(true, unsecured.contains("Forgotten.predict has no security annotation"), unsecured.toString());
        assertEquals(true, unsecured.contains("Forgotten does not implement centaur.inference.v1.InferenceService/Train"),
                unsecured.toString());
    }

    /** A service whose author forgot: one RPC without annotation, the others not implemented. */
    static class Forgotten extends InferenceServiceGrpc.InferenceServiceImplBase {
        @Override
        public void predict(PredictRequest request, StreamObserver<PredictResponse> response) {
            response.onNext(PredictResponse.getDefaultInstance());
            response.onCompleted();
        }
    }

    /** For each RPC of each generated service the class implements: the method, and its annotation. */
    static List<String> unsecuredRpcs(Class<?> service) throws ReflectiveOperationException {
        List<String> unsecured = new ArrayList<>();
        for (ServiceDescriptor descriptor : implementedServices(service)) {
            for (MethodDescriptor<?, ?> rpc : descriptor.getMethods()) {
                String name = rpc.getBareMethodName();
                String javaName = Character.toLowerCase(name.charAt(0)) + name.substring(1);
                List<Method> methods = Stream.of(service.getDeclaredMethods())
                        .filter(m -> m.getName().equals(javaName) && !m.isSynthetic() && !m.isBridge()
                                && overridesGenerated(service, m))
                        .toList();
                if (methods.isEmpty()) {
                    unsecured.add(service.getSimpleName() + " does not implement " + rpc.getFullMethodName());
                }
                for (Method method : methods) {
                    if (!secured(method) && !secured(service)) {
                        unsecured.add(service.getSimpleName() + "." + javaName + " has no security annotation");
                    }
                }
            }
        }
        return unsecured;
    }

    /** Whether the method implements one of a generated supertype (not a helper of the same name). */
    private static boolean overridesGenerated(Class<?> service, Method method) {
        List<Class<?>> supertypes = new ArrayList<>();
        for (Class<?> type = service.getSuperclass(); type != null && type != Object.class; type = type.getSuperclass()) {
            supertypes.add(type);
        }
        for (Class<?> type = service; type != null; type = type.getSuperclass()) {
            supertypes.addAll(List.of(type.getInterfaces()));
        }
        for (Class<?> supertype : supertypes) {
            try {
                supertype.getDeclaredMethod(method.getName(), method.getParameterTypes());
                return true;
            } catch (NoSuchMethodException e) {
                // not this one
            }
        }
        return false;
    }

    /** The generated services a class implements: the Mutiny interface X, or the ImplBase of XGrpc. */
    private static List<ServiceDescriptor> implementedServices(Class<?> service) throws ReflectiveOperationException {
        List<ServiceDescriptor> descriptors = new ArrayList<>();
        for (Class<?> type = service; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Class<?> generated : type.getInterfaces()) {
                descriptor(generated.getName() + "Grpc", generated.getClassLoader()).ifPresent(descriptors::add);
            }
            if (type.getEnclosingClass() != null && type.getSimpleName().endsWith("ImplBase")) {
                descriptor(type.getEnclosingClass().getName(), type.getClassLoader()).ifPresent(descriptors::add);
            }
        }
        return descriptors;
    }

    private static java.util.Optional<ServiceDescriptor> descriptor(String grpcClass, ClassLoader loader)
            throws ReflectiveOperationException {
        try {
            Class<?> holder = Class.forName(grpcClass, false, loader);
            return java.util.Optional.of((ServiceDescriptor) holder.getMethod("getServiceDescriptor").invoke(null));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean secured(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    private static Path classesDirectory() throws Exception {
        return Path.of(InferenceGrpcService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Class<?>> grpcServiceClasses() throws Exception {
        Path root = classesDirectory();
        List<Class<?>> services = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, GrpcSecurityAnnotationsTest.class.getClassLoader());
                if (type.isAnnotationPresent(GrpcService.class)) {
                    services.add(type);
                }
            }
        }
        return services;
    }
}
