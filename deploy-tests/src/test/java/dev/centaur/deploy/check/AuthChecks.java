package dev.centaur.deploy.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The services' auth as deployed (DESIGN.md, Roles): every service reads its service token and
 * the first admin token's hash from the Secret {@value #SECRET}, and none turns auth off.
 */
public final class AuthChecks {

    /** The Secret with the services' tokens: generated in the local overlay, created by hand in production. */
    public static final String SECRET = "centaur-auth";
    /** Each auth variable and the key of {@value #SECRET} it is read from. */
    public static final Map<String, String> VARIABLES;

    static {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CENTAUR_AUTH_SERVICE_TOKEN", "service-token");
        variables.put("CENTAUR_AUTH_ADMIN_TOKEN_SHA256", "admin-token-sha256");
        VARIABLES = java.util.Collections.unmodifiableMap(variables);
    }

    private static final String ENABLED = "CENTAUR_AUTH_ENABLED";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private AuthChecks() {
    }

    /** Every container of each given workload reads both auth variables from the Secret and leaves auth on. */
    public static List<String> servicesReadAuthFromSecret(Map<String, PodTemplateSpec> services) {
        List<String> problems = new ArrayList<>();
        services.forEach((workload, template) -> {
            for (Container c : Optional.ofNullable(template.getSpec().getContainers()).orElse(List.of())) {
                String where = workload + " container " + c.getName();
                VARIABLES.forEach((variable, key) -> {
                    Optional<String[]> ref = PodChecks.secretRef(c, variable);
                    if (ref.isEmpty()) {
                        problems.add(where + ": " + variable + " is not read from Secret " + SECRET);
                    } else if (!ref.get()[0].equals(SECRET) || !ref.get()[1].equals(key)) {
                        problems.add(where + ": " + variable + " reads Secret " + ref.get()[0] + " key " + ref.get()[1]
                                + ", not " + SECRET + " key " + key);
                    }
                });
                PodChecks.env(c, ENABLED).filter(value -> !value.strip().equalsIgnoreCase("true"))
                        .ifPresent(value -> problems.add(where + ": " + ENABLED + " is '" + value + "': auth is off"));
            }
        });
        return problems;
    }

    /** A committed (generated) auth Secret has both keys, a non-empty service token and a hex SHA-256. */
    public static List<String> secretHoldsBothKeys(Secret secret) {
        List<String> problems = new ArrayList<>();
        Map<String, String> data = Optional.ofNullable(secret.getData()).orElse(Map.of());
        String where = "Secret/" + secret.getMetadata().getName();
        String token = decode(data.get("service-token"));
        if (token == null || token.isBlank()) {
            problems.add(where + ": no service-token");
        }
        String hash = decode(data.get("admin-token-sha256"));
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
            problems.add(where + ": admin-token-sha256 is " + (hash == null ? "missing" : "'" + hash + "'")
                    + ", not 64 lowercase hex digits");
        }
        return problems;
    }

    private static String decode(String base64) {
        // A generated Secret's long values are wrapped in lines, which Kubernetes' decoder skips as MIME's does.
        return base64 == null ? null : new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
