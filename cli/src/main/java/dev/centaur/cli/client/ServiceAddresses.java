package dev.centaur.cli.client;

/** Where the four services listen (HTTP and gRPC share one port per service). */
public record ServiceAddresses(String host, int routerPort, int inferencePort, int crowdPort, int qcPort) {

    /** The fixed layout: router at the base port, then inference, crowd and qc. */
    public static ServiceAddresses fromBasePort(String host, int basePort) {
        return new ServiceAddresses(host, basePort, basePort + 1, basePort + 2, basePort + 3);
    }
}
