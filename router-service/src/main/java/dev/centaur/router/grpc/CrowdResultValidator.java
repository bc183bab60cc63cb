package dev.centaur.router.grpc;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.service.CrowdResult;
import dev.centaur.router.service.LabelSourceName;
import dev.centaur.router.v1.ReportCrowdResultRequest;

/** The rules for a crowd result; whether the label is the project's is checked with the project. */
final class CrowdResultValidator {

    private CrowdResultValidator() {
    }

    static CrowdResult validated(ReportCrowdResultRequest request) {
        String projectId = Fields.id("project_id", request.getProjectId());
        String itemId = Fields.id("item_id", request.getItemId());
        String label = Fields.id("label", request.getLabel());
        double confidence = request.getConfidence();
        if (!(confidence > 0 && confidence <= 1)) {
            throw Fields.invalid("confidence", "must be in (0, 1], got " + confidence);
        }
        if (request.getAnswersUsed() < 1) {
            throw Fields.invalid("answers_used", "must be at least 1, got " + request.getAnswersUsed());
        }
        Fields.storable("method", request.getMethod());
        return new CrowdResult(projectId, itemId, label, confidence, request.getAnswersUsed(),
                request.getMethod().isEmpty() ? null : request.getMethod(), source(request));
    }

    private static LabelSourceName source(ReportCrowdResultRequest request) {
        LabelSource source = request.getSource();
        if (source == LabelSource.LABEL_SOURCE_CROWD) {
            return LabelSourceName.CROWD;
        }
        if (source == LabelSource.LABEL_SOURCE_HYBRID) {
            return LabelSourceName.HYBRID;
        }
        String given = source == LabelSource.UNRECOGNIZED ? String.valueOf(request.getSourceValue()) : source.name();
        throw Fields.invalid("source", "must be LABEL_SOURCE_CROWD or LABEL_SOURCE_HYBRID, got " + given);
    }
}
