package org.netweave.controlvm;

import java.time.Duration;
import java.util.Objects;

import org.netweave.controller.runtime.ControlVmId;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.DlrId;

/**
 * What a control VM is told at deployment; everything else comes from the manager over the
 * Connect stream.
 *
 * @param vmId          the control VM's name, sent in its hello, its status and with every pushed
 *                      table (the controller's Edge-Connection column); it follows the controller's
 *                      rule for control-VM ids, so the controller never refuses it
 * @param dlr           the DLR this control VM serves; a configuration for another DLR is refused
 * @param space         the controller cluster's slice space, to find the DLR's owner
 * @param writeDeadline how long one push may look for an owner that applies it
 * @param backoff       the waits between reconnects to the manager and between push attempts
 */
public record ControlVmSettings(String vmId, DlrId dlr, SliceSpace space, Duration writeDeadline, Backoff backoff) {
    public ControlVmSettings {
        ControlVmId.of(vmId);
        Objects.requireNonNull(dlr, "dlr");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(writeDeadline, "writeDeadline");
        Objects.requireNonNull(backoff, "backoff");
        if (writeDeadline.isNegative() || writeDeadline.isZero()) {
            throw new IllegalArgumentException("writeDeadline must be positive, not " + writeDeadline);
        }
    }

    public ControlVmSettings(String vmId, DlrId dlr, SliceSpace space, Duration writeDeadline) {
        this(vmId, dlr, space, writeDeadline, Backoff.DEFAULT);
    }
}
