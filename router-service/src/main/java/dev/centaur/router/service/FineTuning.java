package dev.centaur.router.service;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.v1.ExampleSource;
import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.FineTuneResponse;
import dev.centaur.inference.v1.GetJobRequest;
import dev.centaur.inference.v1.Job;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.router.client.InferenceClient;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.error.AlreadyExistsException;
import dev.centaur.router.error.FailedPreconditionException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.error.UnavailableException;
import dev.centaur.router.repository.FineTuneExampleRepository;
import dev.centaur.router.repository.FineTuneExampleRepository.Example;
import dev.centaur.router.repository.FineTuneExampleRepository.Origin;
import dev.centaur.router.repository.ProjectRepository;
import io.grpc.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fine-tunes a project's model on its labeled examples: router collects them (it owns the golden
 * set and the final labels) and inference trains, compares and activates in a job of its own.
 */
@ApplicationScoped
public class FineTuning {

    /** The job as inference answered, and how many examples of each origin were sent. */
    public record Started(Job job, boolean repeated, Map<Origin, Long> examples) {
    }

    private record Collected(ProjectEntity project, List<Example> examples) {
    }

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    FineTuneExampleRepository examples;

    @Inject
    InferenceClient inference;

    /**
     * Starts a job (or answers the one this request id started). The examples are read in a short
     * transaction of their own; no transaction is held while inference is called.
     */
    public Started start(String projectId, String requestId, boolean withCrowd, double holdoutFraction, long seed,
            boolean force) {
        Collected collected = QuarkusTransaction.requiringNew().call(() -> {
            ProjectEntity project = requireProject(projectId);
            return new Collected(project, examples.examples(projectId, withCrowd, config.fineTune().maxExamples()));
        });
        if (collected.examples().isEmpty()) {
            throw new FailedPreconditionException("project \"" + projectId + "\" has no labeled examples to fine-tune"
                    + " on: add golden items, or wait for final labels");
        }
        ProjectEntity project = collected.project();
        FineTuneRequest.Builder request = FineTuneRequest.newBuilder()
                // Inference's ids are global: the project keeps one client's id from naming another's job.
                .setRequestId(projectId + ":" + requestId)
                .setModelName(project.modelName)
                .addAllLabels(project.labelList())
                .setHoldoutFraction(holdoutFraction)
                .setSeed(seed)
                .setForce(force);
        Map<Origin, Long> counts = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            counts.put(origin, 0L);
        }
        for (Example example : collected.examples()) {
            request.addExamples(LabeledExample.newBuilder()
                    .setContent(example.text() != null ? ItemContent.newBuilder().setText(example.text()).build()
                            : ItemContent.newBuilder().setTextA(example.textA()).setTextB(example.textB()).build())
                    .setLabel(example.label())
                    .setSource(switch (example.origin()) {
                        case GOLDEN -> ExampleSource.EXAMPLE_SOURCE_GOLDEN;
                        case EXPERT -> ExampleSource.EXAMPLE_SOURCE_EXPERT;
                        case CROWD -> ExampleSource.EXAMPLE_SOURCE_CROWD;
                    }));
            counts.merge(example.origin(), 1L, Long::sum);
        }
        FineTuneResponse response = call(() -> inference.fineTune(request.build()));
        return new Started(response.getJob(), response.getRepeated(), counts);
    }

    /** The job, if it fine-tunes this project's model. */
    public Job job(String projectId, String jobId) {
        ProjectEntity project = QuarkusTransaction.requiringNew().call(() -> requireProject(projectId));
        Job job = call(() -> inference.getJob(GetJobRequest.newBuilder().setJobId(jobId).build())).getJob();
        if (!job.getModelName().equals(project.modelName)) {
            throw new NotFoundException("job \"" + jobId + "\" does not fine-tune project \"" + projectId
                    + "\"'s model \"" + project.modelName + "\"");
        }
        return job;
    }

    private ProjectEntity requireProject(String projectId) {
        ProjectEntity project = projects.findById(projectId);
        if (project == null) {
            throw NotFoundException.project(projectId);
        }
        return project;
    }

    /** Inference's refusals keep their meaning for router's caller. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (PeerCallException e) {
            String message = e.getMessage();
            if (e.kind() == PeerCallException.Kind.UNAVAILABLE) {
                throw new UnavailableException(message);
            }
            if (e.code() == Status.Code.NOT_FOUND) {
                throw new NotFoundException(message);
            }
            if (e.code() == Status.Code.ALREADY_EXISTS) {
                throw new AlreadyExistsException(message);
            }
            throw new FailedPreconditionException(message);
        }
    }
}
