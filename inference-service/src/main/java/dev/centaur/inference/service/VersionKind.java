package dev.centaur.inference.service;

/** How a version predicts; stored by name in inference.model_version.kind. */
public enum VersionKind {
    /** The built-in classifier: weights and feature configuration in the row. */
    BUILTIN,
    /** A user's TorchScript classifier and tokenizer in a model-store directory. */
    TORCHSCRIPT,
    /** An OpenAI-compatible chat-completions endpoint. */
    REMOTE_LLM
}
