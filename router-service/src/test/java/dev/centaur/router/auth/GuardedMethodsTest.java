package dev.centaur.router.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.guard.Roles;
import dev.centaur.router.grpc.ProjectGrpcService;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.CreateTokenResponse;
import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every RPC router serves says who may call it: the gRPC implementation classes are found by
 * walking router's compiled classes, so a new service or a new RPC cannot be forgotten.
 */
class GuardedMethodsTest {

    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> ADMIN_CLIENT = Set.of(Roles.ADMIN, Roles.CLIENT);

    /** The brief's role matrix, RPC by RPC. */
    private static final Map<String, Set<String>> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("centaur.router.v1.ProjectService/CreateProject", ADMIN),
            Map.entry("centaur.router.v1.ProjectService/SetPolicy", ADMIN),
            Map.entry("centaur.router.v1.ProjectService/StartFineTune", ADMIN),
            Map.entry("centaur.router.v1.ProjectService/GetProject", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.ProjectService/ListProjects", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.ProjectService/GetPolicyHistory", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.ProjectService/GetFineTuneJob", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.ProjectService/RaiseThreshold", Set.of(Roles.SERVICE, Roles.ADMIN)),
            Map.entry("centaur.router.v1.RouterService/SubmitItems", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.RouterService/GetProgress", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.RouterService/GetLabels", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.RouterService/ExportLabels", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.RouterService/GetCurve", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.RouterService/GetCost", ADMIN_CLIENT),
            Map.entry("centaur.router.v1.RouterService/ReportCrowdResult", Set.of(Roles.SERVICE)),
            Map.entry("centaur.router.v1.RouterService/AddGoldenItems", ADMIN),
            Map.entry("centaur.router.v1.RouterService/ExportGoldenItems", ADMIN),
            Map.entry("centaur.router.v1.AccessService/CreateToken", ADMIN),
            Map.entry("centaur.router.v1.AccessService/RevokeToken", ADMIN),
            Map.entry("centaur.router.v1.AccessService/ListTokens", ADMIN),
            Map.entry("centaur.router.v1.AccessService/Authenticate", Set.of(Roles.SERVICE))));

    @Test
    void everyRpcOfEveryRouterServiceHasASecurityAnnotation() {
        List<Class<? extends BindableService>> services = grpcServices();
        assertEquals(Set.of("AccessGrpcService", "ProjectGrpcService", "RouterGrpcService"),
                Set.copyOf(services.stream().map(Class::getSimpleName).toList()),
                "router's gRPC implementations found in its classes");

        List<String> unguarded = new ArrayList<>();
        for (Class<? extends BindableService> service : services) {
            GuardedMethods.of(service).forEach((rpc, guard) -> {
                if (guard instanceof GuardedMethods.Unguarded why) {
                    unguarded.add(rpc + ": " + why.why());
                }
            });
        }
        assertEquals(List.of(), unguarded);
    }

    @Test
    void everyRpcAllowsExactlyTheRolesOfTheMatrix() {
        Map<String, Set<String>> annotated = new TreeMap<>();
        for (Class<? extends BindableService> service : grpcServices()) {
            GuardedMethods.of(service).forEach((rpc, guard) ->
                    annotated.put(rpc, GuardedMethods.allowedRoles(guard).orElse(Set.of())));
        }
        assertEquals(MATRIX, annotated);
    }

    @Test
    void adminMayCallWhateverAClientMay() {
        for (Class<? extends BindableService> service : grpcServices()) {
            GuardedMethods.of(service).forEach((rpc, guard) -> {
                Set<String> roles = GuardedMethods.allowedRoles(guard).orElse(Set.of());
                assertTrue(!roles.contains(Roles.CLIENT) || roles.contains(Roles.ADMIN), rpc + " allows " + roles);
            });
        }
    }

    @Test
    void anRpcWithoutAnnotationOrImplementationIsReported() {
        Map<String, GuardedMethods.Guard> guards = GuardedMethods.of(HalfGuardedAccess.class);

        assertInstanceOf(GuardedMethods.Roles.class, guards.get("centaur.router.v1.AccessService/CreateToken"));
        assertInstanceOf(GuardedMethods.Unguarded.class, guards.get("centaur.router.v1.AccessService/Authenticate"));
        assertInstanceOf(GuardedMethods.Unguarded.class, guards.get("centaur.router.v1.AccessService/ListTokens"),
                "an RPC the class does not implement");
        assertFalse(grpcServices().contains(HalfGuardedAccess.class), "only main classes are walked");
    }

    /** A service as someone might add one: one RPC guarded, one forgotten, two not implemented. */
    static class HalfGuardedAccess extends AccessServiceGrpc.AccessServiceImplBase {
        @Override
        @RolesAllowed(Roles.ADMIN)
        public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> observer) {
        }

        @Override
        public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> observer) {
        }
    }

    /** Every class under router's main output annotated @GrpcService that is a gRPC service. */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends BindableService>> grpcServices() {
        Path root = mainClasses();
        List<Class<? extends BindableService>> services = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        GuardedMethodsTest.class.getClassLoader());
                if (type.isAnnotationPresent(GrpcService.class) && BindableService.class.isAssignableFrom(type)) {
                    services.add((Class<? extends BindableService>) type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return services;
    }

    private static Path mainClasses() {
        try {
            return Path.of(ProjectGrpcService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
