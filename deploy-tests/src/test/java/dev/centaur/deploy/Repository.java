package dev.centaur.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Where the checked files live: the repository root, its overlays and the services' configuration. */
public final class Repository {

    /** The services as deployed: the Deployment name and the Maven module it runs. */
    public enum CentaurService {
        ROUTER("router"), INFERENCE("inference"), CROWD("crowd"), QC("qc");

        public final String deployment;

        CentaurService(String deployment) {
            this.deployment = deployment;
        }

        public String module() {
            return deployment + "-service";
        }
    }

    public static final List<String> OVERLAYS = List.of("local", "production");

    private Repository() {
    }

    /** Set by the pom (surefire); the module's parent folder when run from an IDE. */
    public static Path root() {
        String configured = System.getProperty("centaur.repository.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("no k8s/ under " + root + ": set -Dcentaur.repository.root");
        }
        return root;
    }

    public static Path overlay(String name) {
        return root().resolve("k8s/overlays").resolve(name);
    }

    /** A service's application.properties as Quarkus reads it in production (no profile prefix). */
    public static Properties applicationProperties(CentaurService service) {
        Path file = root().resolve(service.module()).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    /** quarkus.http.port of the service: gRPC, health and metrics share it. */
    public static int httpPort(CentaurService service) {
        String port = applicationProperties(service).getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(service.module() + " sets no quarkus.http.port");
        }
        return Integer.parseInt(port.trim());
    }
}
