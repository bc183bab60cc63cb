package dev.centaur.crowd.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.service.AnnotatorService.AnnotatorSummary;
import dev.centaur.crowd.service.Item;
import dev.centaur.crowd.service.ItemService.ItemState;
import dev.centaur.crowd.service.NewItem;
import dev.centaur.crowd.service.Project;
import dev.centaur.crowd.service.ProjectSettings;
import dev.centaur.crowd.service.TaskService.AssignedTask;
import dev.centaur.crowd.v1.Annotator;
import dev.centaur.crowd.v1.ControlItem;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.Task;
import java.util.List;

/** Between protobuf messages and the service's domain objects. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static CrowdProject toProto(Project project) {
        return CrowdProject.newBuilder()
                .setProjectId(project.projectId)
                .addAllLabels(project.labelList())
                .setInstructions(project.instructions)
                .setOverlap(project.overlap)
                .setAggregationMethod(project.aggregationMethod)
                .setMaxOverlap(project.maxOverlap)
                .setConfidenceTarget(project.confidenceTarget)
                .setControlRate(project.controlRate)
                .setMinSkill(project.minSkill)
                .build();
    }

    static ProjectSettings toSettings(CrowdProject project) {
        return new ProjectSettings(project.getProjectId(), project.getLabelsList(), project.getInstructions(),
                project.getOverlap(), project.getAggregationMethod(), project.getMaxOverlap(),
                project.getConfidenceTarget(), project.getControlRate(), project.getMinSkill());
    }

    static NewItem toNewItem(ControlItem item) {
        ItemContent content = item.getContent();
        boolean single = !content.getText().isEmpty();
        return new NewItem(item.getItemId(),
                single ? content.getText() : null,
                single ? null : content.getTextA(),
                single ? null : content.getTextB(),
                null);
    }

    static NewItem toNewItem(CrowdItem item) {
        ItemContent content = item.getContent();
        boolean single = !content.getText().isEmpty();
        List<Double> probabilities = item.getModelProbabilitiesList();
        return new NewItem(item.getItemId(),
                single ? content.getText() : null,
                single ? null : content.getTextA(),
                single ? null : content.getTextB(),
                probabilities.isEmpty() ? null : probabilities.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Annotator toProto(dev.centaur.crowd.service.Annotator annotator, long answers) {
        return Annotator.newBuilder()
                .setAnnotatorId(annotator.annotatorId)
                .setName(annotator.name)
                .setAnswers(answers)
                .setCreatedAtEpochMs(annotator.createdAt.toEpochMilli())
                .build();
    }

    static Annotator toProto(AnnotatorSummary summary) {
        return toProto(summary.annotator(), summary.answers());
    }

    static Task toProto(AssignedTask task) {
        return Task.newBuilder()
                .setAssignmentId(task.assignment().assignmentId)
                .setProjectId(task.project().projectId)
                .setItemId(task.item().itemId)
                .setContent(content(task.item()))
                .addAllLabels(task.project().labelList())
                .setInstructions(task.project().instructions)
                .setLeaseExpiresAtEpochMs(task.assignment().leaseExpiresAt.toEpochMilli())
                .build();
    }

    private static ItemContent content(Item item) {
        ItemContent.Builder content = ItemContent.newBuilder();
        if (item.text != null) {
            content.setText(item.text);
        } else {
            content.setTextA(item.textA).setTextB(item.textB);
        }
        return content.build();
    }

    static GetItemResultResponse toProto(ItemState state) {
        GetItemResultResponse.Builder response = GetItemResultResponse.newBuilder()
                .setAnswers(Math.toIntExact(state.answers()))
                .setCompleted(state.item().isCompleted());
        if (state.item().isCompleted()) {
            response.setLabel(state.item().resultLabel)
                    .setConfidence(state.item().resultConfidence)
                    .setMethod(state.item().resultMethod)
                    .setAnswersUsed(state.item().resultAnswers);
        }
        return response.build();
    }
}
