package dev.centaur.cli.command;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Runs one centaur command against an in-test router (real gRPC on a free port), capturing its output. */
final class FakeRouterRun implements AutoCloseable {

    /** What a command run printed, and how it ended. */
    record Run(int exitCode, String out, String err) {
    }

    private final Server server;

    FakeRouterRun(BindableService router) {
        this(router.bindService());
    }

    /** A router service wrapped in interceptors, e.g. one that records the callers' tokens. */
    FakeRouterRun(ServerServiceDefinition router) {
        try {
            server = NettyServerBuilder.forPort(0).addService(router).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Run run(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--base-port";
            all[args.length + 1] = String.valueOf(server.getPort());
            int code = new CommandLine(command).execute(all);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
