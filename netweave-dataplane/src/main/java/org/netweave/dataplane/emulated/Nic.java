package org.netweave.dataplane.emulated;

/**
 * The network interface an emulated endpoint sends through: a vNIC on an emulated host or an
 * access port of the emulated physical switch. Call only on {@link #loop()}'s thread; the bytes
 * are copied before the call returns.
 */
public interface Nic {
    void transmit(byte[] frame, int off, int len);

    /** The forwarding thread the endpoint lives on; schedule the endpoint's own work here. */
    EventLoop loop();
}
