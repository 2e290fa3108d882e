package org.netweave.controlvm;

import java.time.Duration;
import java.util.Objects;

import org.netweave.controller.runtime.ControlVmId;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.DlrId;
import org.netweave.pki.TransportSecurity;

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
 * @param security      the transport of its HA heartbeats (its channels to the manager and the
 *                      controllers are handed to it made)
 */
public record ControlVmSettings(String vmId, DlrId dlr, SliceSpace space, Duration writeDeadline, Backoff backoff,
                                TransportSecurity security) {
    public ControlVmSettings {
        ControlVmId.of(vmId);
        Objects.requireNonNull(dlr, "dlr");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(writeDeadline, "writeDeadline");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(security, "security");
        if (writeDeadline.isNegative() || writeDeadline.isZero()) {
            throw new IllegalArgumentException("writeDeadline must be positive, not " + writeDeadline);
        }
    }

    /** Plaintext: for tests of control VMs alone. */
    public ControlVmSettings(String vmId, DlrId dlr, SliceSpace space, Duration writeDeadline, Backoff backoff) {
        this(vmId, dlr, space, writeDeadline, backoff, TransportSecurity.plaintext());
    }

    /** Plaintext, the default backoff: for tests of control VMs alone. */
    public ControlVmSettings(String vmId, DlrId dlr, SliceSpace space, Duration writeDeadline) {
        this(vmId, dlr, space, writeDeadline, Backoff.DEFAULT);
    }
}
