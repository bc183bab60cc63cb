package dev.centaur.router.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.service.FinalLabelEntity;
import dev.centaur.router.service.NewItem;
import dev.centaur.router.service.ProjectEntity;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmittedItem;

/** Between the contract's messages and router's entities; applies the contract's defaults. */
final class ProtoMapper {

    /** router.proto: "qc_rate ... 0 means the default, 0.05". */
    static final double DEFAULT_QC_RATE = 0.05;

    private ProtoMapper() {
    }

    /** A validated project as a new entity: empty model name means the project id. */
    static ProjectEntity newProject(Project project) {
        ProjectEntity entity = new ProjectEntity();
        entity.projectId = project.getProjectId();
        entity.name = project.getName();
        entity.labels = project.getLabelsList().toArray(String[]::new);
        entity.instructions = project.getInstructions();
        Policy policy = project.getPolicy();
        entity.threshold = policy.getThreshold();
        entity.overlap = policy.getOverlap();
        entity.qcRate = policy.getQcRate() == 0 ? DEFAULT_QC_RATE : policy.getQcRate();
        entity.pricePerCrowdAnswer = policy.getPricePerCrowdAnswer();
        entity.pricePerExpertReview = policy.getPricePerExpertReview();
        entity.pricePer1kPredictions = policy.getPricePer1KPredictions();
        entity.modelName = project.getModelName().isEmpty() ? project.getProjectId() : project.getModelName();
        return entity;
    }

    static Project toProto(ProjectEntity project) {
        return Project.newBuilder()
                .setProjectId(project.projectId)
                .setName(project.name)
                .addAllLabels(project.labelList())
                .setInstructions(project.instructions)
                .setPolicy(Policy.newBuilder()
                        .setThreshold(project.threshold)
                        .setOverlap(project.overlap)
                        .setQcRate(project.qcRate)
                        .setPricePerCrowdAnswer(project.pricePerCrowdAnswer)
                        .setPricePerExpertReview(project.pricePerExpertReview)
                        .setPricePer1KPredictions(project.pricePer1kPredictions))
                .setModelName(project.modelName)
                .setCreatedAtEpochMs(project.createdAt.toEpochMilli())
                .build();
    }

    /** A validated item: exactly one content form is set, the other stays null. */
    static NewItem newItem(SubmittedItem item) {
        ItemContent content = item.getContent();
        boolean single = !content.getText().isEmpty();
        return new NewItem(item.getItemId(),
                single ? content.getText() : null,
                single ? null : content.getTextA(),
                single ? null : content.getTextB(),
                item.getMetadataMap());
    }

    static FinalLabel toProto(FinalLabelEntity finalLabel) {
        return FinalLabel.newBuilder()
                .setItemId(finalLabel.itemId)
                .setLabel(finalLabel.label)
                .setSource(finalLabel.source.toProto())
                .setConfidence(finalLabel.confidence)
                .setModelVersion(finalLabel.modelVersion == null ? "" : finalLabel.modelVersion)
                .setAnswersUsed(finalLabel.answersUsed)
                .setLabeledAtEpochMs(finalLabel.labeledAt.toEpochMilli())
                .build();
    }
}
