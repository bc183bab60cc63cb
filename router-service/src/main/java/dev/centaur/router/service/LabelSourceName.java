package dev.centaur.router.service;

import dev.centaur.common.v1.LabelSource;

/** Where a final label came from, as stored (the names used by GetProgress). */
public enum LabelSourceName {
    MODEL(LabelSource.LABEL_SOURCE_MODEL),
    CROWD(LabelSource.LABEL_SOURCE_CROWD),
    HYBRID(LabelSource.LABEL_SOURCE_HYBRID),
    EXPERT(LabelSource.LABEL_SOURCE_EXPERT);

    private final LabelSource proto;

    LabelSourceName(LabelSource proto) {
        this.proto = proto;
    }

    public LabelSource toProto() {
        return proto;
    }
}
