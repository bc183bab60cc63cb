package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Where the running services are, for the commands that talk to them. */
public class RouterOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Host of the services. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--base-port", defaultValue = "8080",
            description = "Router's port; inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    int basePort;

    @Option(names = "--rpc-timeout", defaultValue = "30", description = "Deadline of each RPC, seconds. Default: ${DEFAULT-VALUE}.")
    int rpcTimeoutSeconds;

    CentaurClients clients() {
        return new CentaurClients(ServiceAddresses.fromBasePort(host, basePort), Duration.ofSeconds(rpcTimeoutSeconds));
    }
}
