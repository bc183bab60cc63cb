package dev.centaur.systemtests;

import dev.centaur.guard.Roles;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who may call what (DESIGN.md, Roles): the expected answer of every RPC of the four services,
 * written out by hand so that the services' own annotations are checked against it end to end.
 * Admin may do what client may; service is the services' identity for calls between them.
 */
final class RoleMatrix {

    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> READER = Set.of(Roles.ADMIN, Roles.CLIENT);
    private static final Set<String> SERVICE = Set.of(Roles.SERVICE);
    private static final Set<String> SERVICE_OR_ADMIN = Set.of(Roles.SERVICE, Roles.ADMIN);
    private static final Set<String> ANNOTATOR = Set.of(Roles.ANNOTATOR);
    private static final Set<String> EXPERT = Set.of(Roles.EXPERT);
    private static final Set<String> ACCURACY_READER = Set.of(Roles.ADMIN, Roles.CLIENT, Roles.SERVICE);

    /** Preference when one token is needed to reach a method's validation: the most powerful first. */
    static final List<String> PREFERENCE = List.of(Roles.ADMIN, Roles.SERVICE, Roles.EXPERT, Roles.ANNOTATOR, Roles.CLIENT);

    private static final Map<String, Set<String>> ALLOWED = new TreeMap<>();

    static {
        allow("centaur.router.v1.ProjectService", ADMIN, "CreateProject", "SetPolicy", "StartFineTune");
        allow("centaur.router.v1.ProjectService", READER, "GetProject", "ListProjects", "GetPolicyHistory",
                "GetFineTuneJob");
        allow("centaur.router.v1.ProjectService", SERVICE_OR_ADMIN, "RaiseThreshold");
        allow("centaur.router.v1.RouterService", READER, "SubmitItems", "GetProgress", "GetLabels", "ExportLabels",
                "GetCurve", "GetCost");
        allow("centaur.router.v1.RouterService", SERVICE, "ReportCrowdResult");
        allow("centaur.router.v1.RouterService", ADMIN, "AddGoldenItems", "ExportGoldenItems");
        allow("centaur.router.v1.AccessService", ADMIN, "CreateToken", "RevokeToken", "ListTokens");
        allow("centaur.router.v1.AccessService", SERVICE, "Authenticate");
        allow("centaur.crowd.v1.CrowdService", SERVICE, "UpsertProject", "Enqueue", "RecordExpertVerdict");
        allow("centaur.crowd.v1.CrowdService", SERVICE_OR_ADMIN, "GetItemResult");
        allow("centaur.crowd.v1.CrowdService", ADMIN, "RegisterAnnotator", "ListAnnotators", "UploadControlItems",
                "RevokeAnnotator");
        allow("centaur.crowd.v1.CrowdService", ANNOTATOR, "NextTask", "SubmitAnswer");
        allow("centaur.inference.v1.InferenceService", SERVICE_OR_ADMIN, "Predict", "PredictStream", "Train",
                "Activate", "Rollback", "FineTune", "RegisterModel", "ListModels", "GetJob");
        allow("centaur.qc.v1.QcService", SERVICE_OR_ADMIN, "Offer", "ListVerdicts", "ListCorrections");
        allow("centaur.qc.v1.QcService", EXPERT, "NextReview", "SubmitReview");
        allow("centaur.qc.v1.QcService", ACCURACY_READER, "GetAccuracy", "GetDrift");
    }

    private RoleMatrix() {
    }

    private static void allow(String service, Set<String> roles, String... methods) {
        for (String method : methods) {
            ALLOWED.put(service + "/" + method, roles);
        }
    }

    /** The roles that may call the method (full name, {@code package.Service/Method}); empty if unlisted. */
    static Optional<Set<String>> allowed(String fullMethodName) {
        return Optional.ofNullable(ALLOWED.get(fullMethodName));
    }

    /** The role whose token reaches the method's own checks, by {@link #PREFERENCE}. */
    static Optional<String> callerFor(String fullMethodName) {
        return allowed(fullMethodName).flatMap(roles -> PREFERENCE.stream().filter(roles::contains).findFirst());
    }
}
