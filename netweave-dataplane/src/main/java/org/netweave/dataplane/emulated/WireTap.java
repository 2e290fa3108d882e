package org.netweave.dataplane.emulated;

/**
 * Sees every VXLAN packet a host puts on or takes off the wire, for tests and captures. Called on
 * the host's forwarding thread; the bytes are only valid during the call.
 */
public interface WireTap {
    /** A packet sent to {@code dstIp} (a VTEP or a group); {@code b[outerOff..)} is the full outer frame. */
    void sent(int dstIp, byte[] b, int outerOff, int len);

    /** A datagram received from {@code srcIp}; {@code b[vxlanOff..)} is the VXLAN header and inner frame. */
    void received(int srcIp, byte[] b, int vxlanOff, int len);
}
