package org.netweave.manager.network.router;

import org.netweave.model.DlrId;

/** A DLR named in a message: {@code edge-1 ('tenant-a-router')}. */
public record DlrRef(DlrId id, String name) {
    @Override
    public String toString() {
        return id + " ('" + name + "')";
    }
}
