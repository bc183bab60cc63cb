package dev.centaur.cli.command;

import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.AddGoldenItemsResponse;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.GetProjectResponse;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RouterServiceGrpc;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code centaur import} against a fake router: a bad file sends nothing, a good one is paged to the right RPCs. */
class ImportCommandTest {

    private final List<SubmitItemsRequest> submitted = new CopyOnWriteArrayList<>();
    private final List<AddGoldenItemsRequest> golden = new CopyOnWriteArrayList<>();
    private Server server;

    @TempDir
    Path dir;

    @BeforeEach
    void startFakeRouter() throws IOException {
        server = NettyServerBuilder.forPort(0)
                .addService(new ProjectServiceGrpc.ProjectServiceImplBase() {
                    @Override
                    public void getProject(GetProjectRequest request, StreamObserver<GetProjectResponse> response) {
                        response.onNext(GetProjectResponse.newBuilder().setProject(Project.newBuilder()
                                .setProjectId(request.getProjectId()).addLabels("0").addLabels("1")).build());
                        response.onCompleted();
                    }
                })
                .addService(new RouterServiceGrpc.RouterServiceImplBase() {
                    @Override
                    public void submitItems(SubmitItemsRequest request, StreamObserver<SubmitItemsResponse> response) {
                        submitted.add(request);
                        response.onNext(SubmitItemsResponse.newBuilder().setCreated(request.getItemsCount()).build());
                        response.onCompleted();
                    }

                    @Override
                    public void addGoldenItems(AddGoldenItemsRequest request, StreamObserver<AddGoldenItemsResponse> response) {
                        golden.add(request);
                        response.onNext(AddGoldenItemsResponse.newBuilder().setCreated(request.getItemsCount()).build());
                        response.onCompleted();
                    }
                })
                .build().start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--base-port";
            all[args.length + 1] = String.valueOf(server.getPort());
            int code = new CommandLine(new ImportCommand()).execute(all);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aFileWithBadLinesImportsNothingAndListsEveryBadLine() throws IOException {
        Path items = Files.writeString(dir.resolve("items.csv"), "id,text,label\na,fine,1\n,no id,0\nb,text,7\na,again,0\n");
        Run run = run("--project", "p", "--file", items.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("3 bad line(s); nothing was imported:"), run.err());
        assertTrue(run.err().contains("items.csv line 3: missing id"), run.err());
        assertTrue(run.err().contains("items.csv line 4: item 'b' has unknown label '7' (project labels [0, 1])"), run.err());
        assertTrue(run.err().contains("items.csv line 5: duplicate id 'a' (first on line 2)"), run.err());
        assertEquals(0, submitted.size() + golden.size(), "nothing may be sent");
    }

    @Test
    void goldenItemsGoToAddGoldenItemsAndTheRestToSubmitItemsInPages() throws IOException {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("item-").append(i).append(",text ").append(i).append(',').append(i < 1200 ? String.valueOf(i % 2) : "").append('\n');
        }
        Path items = Files.writeString(dir.resolve("items.csv"), csv);
        Run run = run("--project", "p", "--file", items.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(1000, 200), golden.stream().map(AddGoldenItemsRequest::getItemsCount).toList());
        assertEquals(List.of(1000, 300), submitted.stream().map(SubmitItemsRequest::getItemsCount).toList());
        assertEquals("1", golden.get(0).getItems(1).getGoldLabel());
        assertTrue(run.out().contains("centaur train --project p"), run.out());
    }
}
