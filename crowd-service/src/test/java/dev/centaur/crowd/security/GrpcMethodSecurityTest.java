package dev.centaur.crowd.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.grpc.CrowdGrpcService;
import dev.centaur.guard.Roles;
import io.quarkus.grpc.GrpcService;
import io.quarkus.grpc.MutinyService;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every method of crowd's gRPC implementation classes (every @GrpcService class under
 * dev.centaur.crowd) says who may call it, so an RPC added later cannot be forgotten open.
 */
class GrpcMethodSecurityTest {

    @Test
    void everyGrpcMethodHasASecurityAnnotationWithKnownRoles() throws Exception {
        List<Class<?>> services = grpcServiceClasses();
        assertTrue(services.contains(CrowdGrpcService.class), "found " + services);
        List<String> unguarded = new ArrayList<>();
        int checked = 0;
        for (Class<?> service : services) {
            for (Method rpc : rpcMethods(service)) {
                checked++;
                RolesAllowed roles = rpc.getAnnotation(RolesAllowed.class);
                if (roles == null && !rpc.isAnnotationPresent(PermitAll.class) && !rpc.isAnnotationPresent(DenyAll.class)) {
                    unguarded.add(service.getSimpleName() + "." + rpc.getName());
                    continue;
                }
                if (roles != null) {
                    assertTrue(roles.value().length > 0, rpc.getName());
                    for (String role : roles.value()) {
                        assertTrue(Roles.isRole(role), rpc.getName() + " names unknown role " + role);
                    }
                }
            }
        }
        assertEquals(List.of(), unguarded, "gRPC methods without @RolesAllowed, @PermitAll or @DenyAll");
        assertEquals(dev.centaur.crowd.v1.CrowdServiceGrpc.getServiceDescriptor().getMethods().size(),
                rpcMethods(CrowdGrpcService.class).size(), "every CrowdService RPC was checked");
        assertTrue(checked > 0);
    }

    /** The implementation's methods that implement an RPC of a generated Mutiny service interface. */
    private static List<Method> rpcMethods(Class<?> service) {
        List<Method> rpcs = new ArrayList<>();
        for (Class<?> contract : service.getInterfaces()) {
            if (!MutinyService.class.isAssignableFrom(contract)) {
                continue;
            }
            for (Method declared : contract.getDeclaredMethods()) {
                if (Modifier.isStatic(declared.getModifiers())) {
                    continue;
                }
                try {
                    rpcs.add(service.getMethod(declared.getName(), declared.getParameterTypes()));
                } catch (NoSuchMethodException e) {
                    throw new AssertionError(service.getSimpleName() + " does not implement " + declared, e);
                }
            }
        }
        return rpcs;
    }

    private static List<Class<?>> grpcServiceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        // The main classes' directory (target/classes), not the tests' which come first on the class path.
        URL location = CrowdGrpcService.class.getProtectionDomain().getCodeSource().getLocation();
        Path classes = Path.of(location.toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/centaur/crowd"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classes.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (name.contains("$") || name.startsWith("dev.centaur.crowd.v1")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, CrowdGrpcService.class.getClassLoader());
                if (type.isAnnotationPresent(GrpcService.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
