package dev.centaur.inference.grpc;

import static dev.centaur.inference.grpc.RequestValidator.invalid;
import static dev.centaur.inference.grpc.RequestValidator.quote;

import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.remotellm.LabelPrompt;
import dev.centaur.inference.remotellm.RemoteLlmSettings;
import dev.centaur.inference.service.RegisterCommand;
import dev.centaur.inference.service.VersionKind;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.ModelKind;
import dev.centaur.inference.v1.RegisterModelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RegisterModel's field checks (the model directory's contents and the endpoint's answers are
 * checked by the service): a valid name and label set; TORCHSCRIPT needs model_dir and no endpoint
 * fields; REMOTE_LLM needs an http(s) endpoint_base_url and endpoint_model, at most 26 labels
 * (one letter each), top_logprobs in [0, 20], timeout_ms in [0, max-timeout], and no model_dir;
 * calibration examples follow Train's rules for an example.
 */
@ApplicationScoped
public class RegisterModelValidator {

    /** OpenAI's limit for top_logprobs. */
    static final int MAX_TOP_LOGPROBS = 20;
    static final Pattern API_KEY_REF = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final RequestValidator requests;
    private final InferenceConfig config;

    public RegisterModelValidator(RequestValidator requests, InferenceConfig config) {
        this.requests = requests;
        this.config = config;
    }

    public RegisterCommand registerModel(RegisterModelRequest request) {
        String modelName = requests.modelName(request.getModelName());
        VersionKind kind = switch (request.getKind()) {
            case MODEL_KIND_TORCHSCRIPT -> VersionKind.TORCHSCRIPT;
            case MODEL_KIND_REMOTE_LLM -> VersionKind.REMOTE_LLM;
            default -> throw invalid("kind " + request.getKind() + " cannot be registered: RegisterModel makes "
                    + ModelKind.MODEL_KIND_TORCHSCRIPT + " or " + ModelKind.MODEL_KIND_REMOTE_LLM
                    + " versions (built-in ones come from Train or FineTune)");
        };
        List<String> labels = requests.labels(request.getLabelsList());
        RemoteLlmSettings remote = null;
        if (kind == VersionKind.TORCHSCRIPT) {
            if (request.getModelDir().isBlank()) {
                throw invalid("model_dir " + quote(request.getModelDir()) + " is empty; " + kind
                        + " needs the model directory inside the model store");
            }
            for (String[] field : new String[][] {{"endpoint_base_url", request.getEndpointBaseUrl()},
                    {"endpoint_model", request.getEndpointModel()}, {"api_key_ref", request.getApiKeyRef()},
                    {"instructions", request.getInstructions()}}) {
                if (!field[1].isEmpty()) {
                    throw invalid(field[0] + " " + quote(field[1]) + " is for REMOTE_LLM, not " + kind);
                }
            }
        } else {
            if (!request.getModelDir().isEmpty()) {
                throw invalid("model_dir " + quote(request.getModelDir()) + " is for TORCHSCRIPT, not " + kind);
            }
            remote = remote(request, labels);
        }
        List<ItemText> items = new ArrayList<>();
        int count = request.getCalibrationExamplesCount();
        if (count > config.limits().maxExamples()) {
            throw invalid("calibration_examples: " + count + " examples, over the limit of "
                    + config.limits().maxExamples());
        }
        int[] labelIndices = new int[count];
        for (int i = 0; i < count; i++) {
            LabeledExample example = request.getCalibrationExamples(i);
            labelIndices[i] = labels.indexOf(example.getLabel());
            if (labelIndices[i] < 0) {
                throw invalid("calibration_examples[" + i + "].label " + quote(example.getLabel())
                        + " is not one of labels " + labels);
            }
            items.add(requests.content("calibration_examples[" + i + "].content", example.hasContent(),
                    example.getContent()));
        }
        return new RegisterCommand(modelName, kind, labels, request.getActivate(), items, labelIndices,
                request.getModelDir(), remote);
    }

    private RemoteLlmSettings remote(RegisterModelRequest request, List<String> labels) {
        String baseUrl = request.getEndpointBaseUrl();
        try {
            URI uri = new URI(baseUrl);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw invalid("endpoint_base_url " + quote(baseUrl)
                        + " must be an http or https URL with a host and no query, e.g. http://vllm:8000/v1");
            }
        } catch (URISyntaxException e) {
            throw invalid("endpoint_base_url " + quote(baseUrl) + " is not a URL: " + e.getReason());
        }
        if (request.getEndpointModel().isBlank()) {
            throw invalid("endpoint_model " + quote(request.getEndpointModel()) + " is empty; name the model the endpoint serves");
        }
        String keyRef = request.getApiKeyRef();
        if (!keyRef.isEmpty() && !API_KEY_REF.matcher(keyRef).matches()) {
            throw invalid("api_key_ref " + quote(keyRef) + " must match " + API_KEY_REF.pattern()
                    + " (the name of a key configured on the server, never the key)");
        }
        if (labels.size() > LabelPrompt.MAX_LABELS) {
            throw invalid("labels: " + labels.size() + " labels, a REMOTE_LLM version answers with one letter per label,"
                    + " at most " + LabelPrompt.MAX_LABELS);
        }
        if (request.getInstructions().length() > config.limits().maxTextLength()) {
            throw invalid("instructions has " + request.getInstructions().length() + " characters, over the limit of "
                    + config.limits().maxTextLength());
        }
        int top = request.getTopLogprobs();
        if (top < 0 || top > MAX_TOP_LOGPROBS) {
            throw invalid("top_logprobs " + top + " must be in [0, " + MAX_TOP_LOGPROBS + "] (0 means the default)");
        }
        long timeout = request.getTimeoutMs();
        long maxTimeout = config.remoteLlm().maxTimeout().toMillis();
        if (timeout < 0 || timeout > maxTimeout) {
            throw invalid("timeout_ms " + timeout + " must be in [0, " + maxTimeout + "] (0 means the default)");
        }
        return new RemoteLlmSettings(baseUrl, request.getEndpointModel(), keyRef, request.getInstructions(),
                top == 0 ? config.remoteLlm().topLogprobs() : top,
                timeout == 0 ? config.remoteLlm().timeout().toMillis() : timeout);
    }
}
