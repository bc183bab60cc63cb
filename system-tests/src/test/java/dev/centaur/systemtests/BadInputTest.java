package dev.centaur.systemtests;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.launch.CentaurService;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.DatabaseProvider;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceLauncher;
import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.Roles;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.TrainRequest;
import dev.centaur.qc.v1.QcServiceGrpc;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every RPC of the four packaged services, sent what a careless or hostile client sends: random
 * bytes, the empty message, and every field (and nested field) empty, blank, oversized, unknown,
 * out of range or negative, alone and beside a real project id; and every RPC called with no
 * token, a made-up token and each role's token. Checks that the answer is the right status
 * (never INTERNAL or UNKNOWN, never a hang), that a refusal's description names a field, that
 * a refused call changed no row of the services' schemas, and that each role reaches exactly the RPCs
 * {@link RoleMatrix} gives it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BadInputTest {

    private static final int BASE_PORT = 38080;
    private static final String DATABASE = "centaur_faults";
    private static final String HOST = SystemUnderTest.HOST;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SERVICE_TOKEN = BearerTokens.newToken("svc_");
    private static final String PROJECT = "edge-project";
    private static final String MODEL = "edge-model";
    /** Larger than every service's quarkus.grpc.server.max-inbound-message-size (64 MiB at most). */
    private static final int OVER_THE_MESSAGE_LIMIT = 80 << 20;
    /** Repeats of a refused call that seemed to write, to tell its writes from background work. */
    private static final int WRITE_RECHECKS = 3;
    /** Codes that mean the service failed rather than judged the request. */
    private static final Set<Status.Code> FAILURES = Set.of(Status.Code.INTERNAL, Status.Code.UNKNOWN,
            Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED, Status.Code.DEADLINE_EXCEEDED);

    /** This suite sends hundreds of calls a second with one token: the rate limit is tested elsewhere. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "CENTAUR_AUTH_SERVICE_TOKEN", SERVICE_TOKEN,
            "CENTAUR_LIMITS_REQUESTS_PER_SECOND", "1000000",
            "CENTAUR_LIMITS_BURST", "1000000");

    private final PrintStream out = System.out;
    private Database database;
    private RunningServices services;
    private CentaurClients clients;
    private DatabaseWrites writes;
    private final Map<CentaurService, ManagedChannel> channels = new EnumMap<>(CentaurService.class);
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        Path repository = FaultToleranceTest.repository();
        Path runDir = Files.createDirectories(repository.resolve("system-tests/target/bad-input-run"));
        database = new DatabaseProvider(HOST, 5432, "postgres", out).provide(DATABASE, true);
        ServiceAddresses addresses = ServiceAddresses.fromBasePort(HOST, BASE_PORT);
        services = new ServiceLauncher(FaultToleranceTest.servicesDir(repository), "512m", Duration.ofMinutes(4), out)
                .withEnvironment(ENVIRONMENT).start(addresses, database, runDir);
        String admin = services.adminToken().orElseThrow(() -> new AssertionError("the services run without auth"));
        clients = new CentaurClients(addresses, Duration.ofSeconds(60), admin);
        writes = new DatabaseWrites(database.jdbcUrl(), database.username(), database.password(),
                DatabaseProvider.SERVICE_SCHEMAS);
        for (CentaurService service : CentaurService.values()) {
            channels.put(service, ManagedChannelBuilder.forAddress(HOST, service.port(addresses)).usePlaintext()
                    .maxInboundMessageSize(OVER_THE_MESSAGE_LIMIT).build());
        }
        tokens.put(Roles.ADMIN, admin);
        tokens.put(Roles.SERVICE, SERVICE_TOKEN);
        tokens.put(Roles.CLIENT, issue(Roles.CLIENT, "edge-client"));
        tokens.put(Roles.EXPERT, issue(Roles.EXPERT, "edge-expert"));
        tokens.put(Roles.ANNOTATOR, clients.crowd().registerAnnotator(
                RegisterAnnotatorRequest.newBuilder().setName("edge-annotator").build()).getToken());
        trainModelAndCreateProject();
    }

    private String issue(String role, String subject) {
        return clients.access().createToken(CreateTokenRequest.newBuilder().setRole(role).setSubject(subject).build())
                .getToken();
    }

    /** A real project, so that project ids in the requests reach the checks behind "no such project". */
    private void trainModelAndCreateProject() {
        TrainRequest.Builder train = TrainRequest.newBuilder().setModelName(MODEL).addLabels("pos").addLabels("neg")
                .setSeed(1).setActivate(true);
        for (int i = 0; i < 40; i++) {
            String label = i % 2 == 0 ? "pos" : "neg";
            train.addExamples(LabeledExample.newBuilder().setLabel(label)
                    .setContent(ItemContent.newBuilder().setText(label.equals("pos") ? "good great fine " + i : "bad awful poor " + i)));
        }
        clients.inference(Duration.ofMinutes(2)).train(train.build());
        Policy policy = Policy.newBuilder().setMode(PolicyMode.POLICY_MODE_THRESHOLD).setThreshold(0.9).setOverlap(2)
                .build();
        clients.projects().createProject(CreateProjectRequest.newBuilder().setProject(Project.newBuilder()
                .setProjectId(PROJECT).setName("bad input").addLabels("pos").addLabels("neg")
                .setInstructions("is it positive?").setPolicy(policy).setModelName(MODEL)).build());
    }

    @AfterAll
    void stop() throws SQLException {
        channels.values().forEach(ManagedChannel::shutdownNow);
        if (writes != null) {
            writes.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (services != null) {
            services.close();
        }
        if (database != null) {
            DemoRunner.closeQuietly(database, out);
        }
    }

    private record Rpc(CentaurService service, MethodDescriptor<?, ?> method) {
        String name() {
            return method.getFullMethodName();
        }

        Message prototype() {
            return (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
        }
    }

    private static List<Rpc> everyRpc() {
        Map<CentaurService, List<ServiceDescriptor>> byService = new LinkedHashMap<>();
        byService.put(CentaurService.ROUTER, List.of(ProjectServiceGrpc.getServiceDescriptor(),
                RouterServiceGrpc.getServiceDescriptor(), AccessServiceGrpc.getServiceDescriptor()));
        byService.put(CentaurService.CROWD, List.of(CrowdServiceGrpc.getServiceDescriptor()));
        byService.put(CentaurService.INFERENCE, List.of(InferenceServiceGrpc.getServiceDescriptor()));
        byService.put(CentaurService.QC, List.of(QcServiceGrpc.getServiceDescriptor()));
        List<Rpc> rpcs = new ArrayList<>();
        byService.forEach((service, descriptors) -> descriptors.forEach(d ->
                d.getMethods().forEach(m -> rpcs.add(new Rpc(service, m)))));
        return rpcs;
    }

    @Test
    void everyRpcAnswersBadInputWithTheRightStatusNamesTheFieldAndWritesNothing() {
        List<String> problems = new ArrayList<>();
        Map<Status.Code, Integer> outcomes = new EnumMap<>(Status.Code.class);
        int sent = 0;
        for (Rpc rpc : everyRpc()) {
            String role = RoleMatrix.callerFor(rpc.name()).orElse(null);
            if (role == null) {
                problems.add(rpc.name() + ": not in RoleMatrix; add who may call it");
                continue;
            }
            RawCalls calls = new RawCalls(channels.get(rpc.service()), DEADLINE);
            Message empty = DynamicMessage.getDefaultInstance(rpc.prototype().getDescriptorForType());
            List<Message> baselines = new ArrayList<>(List.of(empty));
            FieldDescriptor projectId = empty.getDescriptorForType().findFieldByName("project_id");
            if (projectId != null && projectId.getJavaType() == FieldDescriptor.JavaType.STRING && !projectId.isRepeated()) {
                baselines.add(DynamicMessage.newBuilder(empty.getDescriptorForType()).setField(projectId, PROJECT).build());
            }
            Set<String> fieldNames = fieldNames(empty.getDescriptorForType(), new HashSet<>());
            for (Message baseline : baselines) {
                for (RequestFuzzer.Case bad : new RequestFuzzer(rpc.name().hashCode()).cases(baseline)) {
                    sent++;
                    String before = writes.fingerprint();
                    RawCalls.Outcome outcome = calls.call(rpc.method(), bad.bytes(), tokens.get(role));
                    boolean wrote = outcome.refused() && !writes.fingerprint().equals(before);
                    for (int attempt = 0; wrote && attempt < WRITE_RECHECKS; attempt++) {
                        // A background worker may write meanwhile: only a write that every repeat
                        // of the refused call makes counts.
                        String again = writes.fingerprint();
                        outcome = calls.call(rpc.method(), bad.bytes(), tokens.get(role));
                        wrote = outcome.refused() && !writes.fingerprint().equals(again);
                    }
                    outcomes.merge(outcome.code(), 1, Integer::sum);
                    String where = rpc.name() + " [" + (baseline == empty ? "" : "project_id=" + PROJECT + ", ")
                            + bad.name() + "] as " + role + ": " + outcome;
                    if (FAILURES.contains(outcome.code())) {
                        problems.add(where + ": the service failed instead of judging the request");
                    } else if (outcome.refused() && (outcome.description() == null || outcome.description().isBlank())) {
                        problems.add(where + ": a refusal without a description");
                    } else if (outcome.code() == Status.Code.INVALID_ARGUMENT
                            && !namesAField(outcome.description(), fieldNames, empty.getDescriptorForType())) {
                        problems.add(where + ": the description names no field of the request");
                    }
                    if (wrote) {
                        problems.add(where + ": refused, yet the database was written to");
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "Bad input: %d requests to %d RPCs; outcomes %s; %d problems%n", sent, everyRpc().size(),
                outcomes, problems.size());
        problems.forEach(p -> out.println("  " + p));
        assertTrue(problems.isEmpty(), problems.size() + " problems, first ones:\n" + String.join("\n",
                problems.subList(0, Math.min(40, problems.size()))));
    }

    @Test
    void everyRoleReachesExactlyTheRpcsItMayCall() {
        List<String> problems = new ArrayList<>();
        for (Rpc rpc : everyRpc()) {
            Set<String> allowed = RoleMatrix.allowed(rpc.name()).orElse(null);
            if (allowed == null) {
                problems.add(rpc.name() + ": not in RoleMatrix");
                continue;
            }
            RawCalls calls = new RawCalls(channels.get(rpc.service()), DEADLINE);
            byte[] empty = new byte[0];
            expectCode(problems, rpc, "no token", calls.call(rpc.method(), empty, null), Status.Code.UNAUTHENTICATED);
            expectCode(problems, rpc, "a made-up token",
                    calls.call(rpc.method(), empty, BearerTokens.newToken("ctk_")), Status.Code.UNAUTHENTICATED);
            for (String role : Roles.ALL) {
                RawCalls.Outcome outcome = calls.call(rpc.method(), empty, tokens.get(role));
                if (role.equals(Roles.ANNOTATOR) && rpc.service() != CentaurService.CROWD) {
                    // Annotator tokens are crowd's own: elsewhere they are tokens no one issued.
                    expectCode(problems, rpc, "as annotator", outcome, Status.Code.UNAUTHENTICATED);
                } else if (allowed.contains(role)) {
                    if (outcome.code() == Status.Code.PERMISSION_DENIED || outcome.code() == Status.Code.UNAUTHENTICATED) {
                        problems.add(rpc.name() + " as " + role + ": " + outcome + ", but " + role + " may call it");
                    }
                } else {
                    expectCode(problems, rpc, "as " + role, outcome, Status.Code.PERMISSION_DENIED);
                }
            }
        }
        problems.forEach(p -> out.println("  " + p));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAsTooLarge() {
        byte[] huge = new byte[OVER_THE_MESSAGE_LIMIT];
        for (Rpc rpc : List.of(new Rpc(CentaurService.ROUTER, RouterServiceGrpc.getSubmitItemsMethod()),
                new Rpc(CentaurService.CROWD, CrowdServiceGrpc.getUploadControlItemsMethod()),
                new Rpc(CentaurService.INFERENCE, InferenceServiceGrpc.getTrainMethod()),
                new Rpc(CentaurService.QC, QcServiceGrpc.getOfferMethod()))) {
            String before = writes.fingerprint();
            RawCalls.Outcome outcome = new RawCalls(channels.get(rpc.service()), DEADLINE)
                    .call(rpc.method(), huge, tokens.get(RoleMatrix.callerFor(rpc.name()).orElseThrow()));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, outcome.code(), rpc.name() + ": " + outcome);
            assertEquals(before, writes.fingerprint(), rpc.name() + " wrote to the database");
        }
    }

    private static void expectCode(List<String> problems, Rpc rpc, String how, RawCalls.Outcome outcome,
            Status.Code expected) {
        if (outcome.code() != expected) {
            problems.add(rpc.name() + " " + how + ": " + outcome + ", expected " + expected);
        }
    }

    /** Every field name in the request's type tree, snake_case and lowerCamelCase. */
    private static Set<String> fieldNames(Descriptor type, Set<String> names) {
        for (FieldDescriptor field : type.getFields()) {
            if (names.add(field.getName())) {
                names.add(field.getJsonName());
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    fieldNames(field.getMessageType(), names);
                }
            }
        }
        return names;
    }

    /** Whether a refusal says which field was wrong (or, for bytes that are no message, which message). */
    private static boolean namesAField(String description, Set<String> fieldNames, Descriptor type) {
        if (description.contains(type.getName())) {
            return true;
        }
        return fieldNames.stream().anyMatch(description::contains);
    }
}
