package org.netweave.manager.realization;

public enum RealizationState {
    IN_PROGRESS,
    REALIZED
}
