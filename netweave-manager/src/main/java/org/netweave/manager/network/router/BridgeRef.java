package org.netweave.manager.network.router;

import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;

/** A bridge named in a message. */
public record BridgeRef(BridgeId id, String name, DlrId dlr) {
    @Override
    public String toString() {
        return "bridge " + id + " ('" + name + "') of DLR " + dlr;
    }
}
