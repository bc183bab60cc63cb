package dev.centaur.deploy.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Graceful shutdown fits the pod's grace period: on SIGTERM a service reports readiness DOWN and
 * serves on for {@code quarkus.shutdown.delay} (when {@code quarkus.shutdown.delay-enabled}),
 * then gives running requests {@code quarkus.shutdown.timeout}; Kubernetes kills it
 * {@code terminationGracePeriodSeconds} after the SIGTERM, which must come later.
 */
public final class ShutdownChecks {

    /** Kubernetes' default when a pod sets none. */
    static final long DEFAULT_GRACE_SECONDS = 30;

    private ShutdownChecks() {
    }

    /**
     * Problems when {@code template}'s grace period does not exceed the delay plus the timeout that
     * its service's {@code application.properties} set, or that its containers' environment
     * ({@code QUARKUS_SHUTDOWN_*}) overrides them with.
     */
    public static List<String> graceExceedsShutdown(String workload, PodTemplateSpec template, Properties properties) {
        List<String> problems = new ArrayList<>();
        Long configured = template.getSpec().getTerminationGracePeriodSeconds();
        long grace = configured != null ? configured : DEFAULT_GRACE_SECONDS;
        for (Container c : Optional.ofNullable(template.getSpec().getContainers()).orElse(List.of())) {
            String delayEnabled = setting(c, properties, "quarkus.shutdown.delay-enabled").orElse("false");
            Duration delay = Boolean.parseBoolean(delayEnabled.strip())
                    ? setting(c, properties, "quarkus.shutdown.delay").map(ShutdownChecks::quarkusDuration).orElse(Duration.ZERO)
                    : Duration.ZERO;
            // Without a timeout Quarkus does not wait for running requests at all.
            Duration timeout = setting(c, properties, "quarkus.shutdown.timeout").map(ShutdownChecks::quarkusDuration)
                    .orElse(Duration.ZERO);
            Duration needed = delay.plus(timeout);
            if (Duration.ofSeconds(grace).compareTo(needed) <= 0) {
                problems.add(workload + " container " + c.getName() + ": terminationGracePeriodSeconds " + grace
                        + (configured == null ? " (the default)" : "") + " does not exceed quarkus.shutdown.delay "
                        + delay.toMillis() / 1000.0 + " s + quarkus.shutdown.timeout " + timeout.toMillis() / 1000.0
                        + " s: Kubernetes would kill it while it drains");
            }
        }
        return problems;
    }

    /** A container's environment variable for the key (Quarkus' mapping) wins over the properties file. */
    private static Optional<String> setting(Container c, Properties properties, String key) {
        String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        Optional<String> fromEnv = PodChecks.env(c, variable);
        return fromEnv.isPresent() ? fromEnv : Optional.ofNullable(properties.getProperty(key));
    }

    /** As Quarkus reads a duration: a bare number is seconds; 500ms, 5s, 2m, 1h, 1d; or ISO-8601 (PT5S). */
    static Duration quarkusDuration(String text) {
        String value = text.strip();
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.matches("\\d+d")) {
            return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.matches("\\d+(\\.\\d+)?[hms]")) {
            return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
        }
        return Duration.parse(value);
    }
}
