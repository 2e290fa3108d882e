package org.netweave.manager.dlr;

import java.io.Closeable;

import org.netweave.model.DlrId;
import org.netweave.model.VmId;

/**
 * Runs the software of a DLR control VM once the compute inventory has placed and powered on the
 * VM: the guest that boots and connects back to the manager (seed 000 step 3).
 */
public interface ControlVmLauncher extends Closeable {
    /** Boots control VM {@code vm} of {@code dlr}; nothing happens if it runs. */
    void powerOn(VmId vm, DlrId dlr);

    /** Stops it; nothing happens if it does not run. */
    void powerOff(VmId vm);

    boolean isRunning(VmId vm);

    @Override
    void close();
}
