package dev.centaur.cli.launch;

import dev.centaur.cli.client.ServiceAddresses;

/** The four services: their Maven module, and the gRPC client name the others know them by. */
public enum CentaurService {
    INFERENCE("inference-service", "INFERENCE"),
    CROWD("crowd-service", "CROWD"),
    QC("qc-service", "QC"),
    ROUTER("router-service", "ROUTER");

    private final String module;
    private final String clientName;

    CentaurService(String module, String clientName) {
        this.module = module;
        this.clientName = clientName;
    }

    public String module() {
        return module;
    }

    /** The part of QUARKUS_GRPC_CLIENTS_<NAME>_HOST/PORT that names this service. */
    public String clientName() {
        return clientName;
    }

    public int port(ServiceAddresses addresses) {
        return switch (this) {
            case ROUTER -> addresses.routerPort();
            case INFERENCE -> addresses.inferencePort();
            case CROWD -> addresses.crowdPort();
            case QC -> addresses.qcPort();
        };
    }
}
