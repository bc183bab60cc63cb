package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.launch.RunPointer;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the running services are and which bearer token the commands that talk to them send. */
public class RouterOptions {

    /** The environment variable a token may come from. */
    static final String TOKEN_ENV = "CENTAUR_TOKEN";

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Host of the services. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--base-port", defaultValue = "8080",
            description = "Router's port; inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    int basePort;

    @Option(names = "--rpc-timeout", defaultValue = "30", description = "Deadline of each RPC, seconds. Default: ${DEFAULT-VALUE}.")
    int rpcTimeoutSeconds;

    @Option(names = "--token", paramLabel = "<token>",
            description = "Bearer token (admin or client) sent on every call. Other users can read a command line: prefer "
                    + "--token-file or $" + TOKEN_ENV + ". Default: --token-file, else $" + TOKEN_ENV
                    + ", else the admin token of the run started on --base-port by centaur up/demo/bench.")
    String token;

    @Option(names = "--token-file", paramLabel = "<file>", description = "Read the bearer token from this file.")
    Path tokenFile;

    CentaurClients clients() {
        return new CentaurClients(ServiceAddresses.fromBasePort(host, basePort), Duration.ofSeconds(rpcTimeoutSeconds),
                token().orElse(null));
    }

    /** The token the calls send, from the first of: --token, --token-file, $CENTAUR_TOKEN, the run's admin-token file. */
    Optional<String> token() {
        return resolve(token, tokenFile, System.getenv(TOKEN_ENV), RunPointer.adminTokenFile(basePort));
    }

    static Optional<String> resolve(String flag, Path file, String environment, Optional<Path> runFile) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag.strip());
        }
        if (file != null) {
            return Optional.of(read(file, "--token-file"));
        }
        if (environment != null && !environment.isBlank()) {
            return Optional.of(environment.strip());
        }
        return runFile.map(path -> read(path, "the run's admin token file"));
    }

    private static String read(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CliException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new CliException(what + " " + file + " is empty");
        }
        return text;
    }
}
