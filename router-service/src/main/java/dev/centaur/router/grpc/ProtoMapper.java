package dev.centaur.router.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.service.CrowdSettings;
import dev.centaur.router.service.FinalLabelEntity;
import dev.centaur.router.service.GoldenItemEntity;
import dev.centaur.router.service.NewGoldenItem;
import dev.centaur.router.service.NewItem;
import dev.centaur.router.service.ProjectEntity;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GoldenItem;
import dev.centaur.router.service.PolicyChangeEntity;
import dev.centaur.router.service.PolicyModeName;
import dev.centaur.router.service.PolicySettings;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyActor;
import dev.centaur.router.v1.PolicyChange;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmittedItem;
import java.util.TreeMap;

/** Between the contract's messages and router's entities; applies the contract's defaults. */
final class ProtoMapper {

    /** router.proto: "qc_rate ... 0 means the default, 0.05". */
    static final double DEFAULT_QC_RATE = 0.05;
    /** router.proto: "golden_crowd_share ... unset means 0.1". */
    static final double DEFAULT_GOLDEN_CROWD_SHARE = 0.1;

    private ProtoMapper() {
    }

    /** A validated project as a new entity: empty model name means the project id. */
    static ProjectEntity newProject(Project project) {
        ProjectEntity entity = new ProjectEntity();
        entity.projectId = project.getProjectId();
        entity.name = project.getName();
        entity.labels = project.getLabelsList().toArray(String[]::new);
        entity.instructions = project.getInstructions();
        policySettings(project.getPolicy()).applyTo(entity);
        entity.modelName = project.getModelName().isEmpty() ? project.getProjectId() : project.getModelName();
        return entity;
    }

    static Project toProto(ProjectEntity project) {
        return Project.newBuilder()
                .setProjectId(project.projectId)
                .setName(project.name)
                .addAllLabels(project.labelList())
                .setInstructions(project.instructions)
                .setPolicy(toProto(PolicySettings.of(project)))
                .setModelName(project.modelName)
                .setCreatedAtEpochMs(project.createdAt.toEpochMilli())
                .build();
    }

    /** A validated policy with the contract's defaults applied (qc_rate 0, mode UNSPECIFIED, no golden_crowd_share). */
    static PolicySettings policySettings(Policy policy) {
        return new PolicySettings(policy.getThreshold(), policy.getOverlap(),
                policy.getQcRate() == 0 ? DEFAULT_QC_RATE : policy.getQcRate(),
                policy.getPricePerCrowdAnswer(), policy.getPricePerExpertReview(), policy.getPricePer1KPredictions(),
                new TreeMap<>(policy.getLabelThresholdsMap()), modeName(policy.getMode()), policy.getTargetAccuracy(),
                policy.getBudgetPerItem(), policy.getMinThreshold(), new CrowdSettings(policy.getAggregationMethod(),
                        policy.getMaxOverlap(), policy.getConfidenceTarget(), policy.getControlRate(),
                        policy.getMinSkill()),
                policy.hasGoldenCrowdShare() ? policy.getGoldenCrowdShare() : DEFAULT_GOLDEN_CROWD_SHARE);
    }

    static Policy toProto(PolicySettings policy) {
        return Policy.newBuilder()
                .setThreshold(policy.threshold())
                .setOverlap(policy.overlap())
                .setQcRate(policy.qcRate())
                .setPricePerCrowdAnswer(policy.pricePerCrowdAnswer())
                .setPricePerExpertReview(policy.pricePerExpertReview())
                .setPricePer1KPredictions(policy.pricePer1kPredictions())
                .putAllLabelThresholds(policy.labelThresholds())
                .setMode(toProto(policy.mode()))
                .setTargetAccuracy(policy.targetAccuracy())
                .setBudgetPerItem(policy.budgetPerItem())
                .setMinThreshold(policy.minThreshold())
                .setAggregationMethod(policy.crowd().aggregationMethod())
                .setMaxOverlap(policy.crowd().maxOverlap())
                .setConfidenceTarget(policy.crowd().confidenceTarget())
                .setControlRate(policy.crowd().controlRate())
                .setMinSkill(policy.crowd().minSkill())
                .setGoldenCrowdShare(policy.goldenCrowdShare())
                .build();
    }

    static PolicyMode toProto(PolicyModeName mode) {
        return switch (mode) {
            case THRESHOLD -> PolicyMode.POLICY_MODE_THRESHOLD;
            case TARGET_ACCURACY -> PolicyMode.POLICY_MODE_TARGET_ACCURACY;
            case BUDGET -> PolicyMode.POLICY_MODE_BUDGET;
        };
    }

    private static PolicyModeName modeName(PolicyMode mode) {
        return switch (mode) {
            case POLICY_MODE_TARGET_ACCURACY -> PolicyModeName.TARGET_ACCURACY;
            case POLICY_MODE_BUDGET -> PolicyModeName.BUDGET;
            // Validated before: UNRECOGNIZED never gets here.
            default -> PolicyModeName.THRESHOLD;
        };
    }

    static PolicyChange toProto(PolicyChangeEntity change) {
        return PolicyChange.newBuilder()
                .setChangedAtEpochMs(change.changedAt.toEpochMilli())
                .setActor(change.actor == PolicyChangeEntity.Actor.USER
                        ? PolicyActor.POLICY_ACTOR_USER : PolicyActor.POLICY_ACTOR_AUTOMATIC)
                .setOldPolicyJson(change.oldPolicy)
                .setNewPolicyJson(change.newPolicy)
                .setReason(change.reason)
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

    static NewGoldenItem newGoldenItem(GoldenItem item) {
        return new NewGoldenItem(newItem(SubmittedItem.newBuilder()
                .setItemId(item.getItemId()).setContent(item.getContent()).build()), item.getGoldLabel());
    }

    static GoldenItem toProto(GoldenItemEntity golden) {
        return GoldenItem.newBuilder()
                .setItemId(golden.itemId)
                .setContent(golden.content())
                .setGoldLabel(golden.goldLabel)
                .build();
    }

    /** qc_verdict: CONFIRMED or CORRECTED once qc's experts decided, empty before (router.proto, FinalLabel). */
    static FinalLabel toProto(FinalLabelEntity finalLabel) {
        return FinalLabel.newBuilder()
                .setItemId(finalLabel.itemId)
                .setLabel(finalLabel.label)
                .setSource(finalLabel.source.toProto())
                .setConfidence(finalLabel.confidence)
                .setModelVersion(finalLabel.modelVersion == null ? "" : finalLabel.modelVersion)
                .setAnswersUsed(finalLabel.answersUsed)
                .setLabeledAtEpochMs(finalLabel.labeledAt.toEpochMilli())
                .setQcVerdict(finalLabel.qcVerdict == null ? "" : finalLabel.qcVerdict)
                .build();
    }
}
