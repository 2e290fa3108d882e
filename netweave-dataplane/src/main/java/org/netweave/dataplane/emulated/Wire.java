package org.netweave.dataplane.emulated;

/**
 * Where the pipeline's output leaves the host. The bytes are only valid during the call; an
 * implementation sends or copies them before it returns.
 */
public interface Wire {
    /**
     * Sends a VXLAN packet to a VTEP. {@code b[outerOff..outerOff+len)} is the full outer frame
     * (Ethernet, IPv4, UDP, VXLAN, inner frame); a UDP socket sends from the VXLAN header on.
     */
    boolean sendVxlan(int dstVtepIp, byte[] b, int outerOff, int len);

    /** Sends a VXLAN packet to an underlay multicast group; same layout as {@link #sendVxlan}. */
    boolean sendMulticast(int group, byte[] b, int outerOff, int len);

    /** Sends an 802.1Q-tagged frame out of the host's physical uplink. */
    boolean sendUplink(byte[] b, int off, int len);

    /** Discards everything: for benchmarks of the pipeline alone. */
    Wire NULL = new Wire() {
        @Override
        public boolean sendVxlan(int dstVtepIp, byte[] b, int outerOff, int len) {
            return true;
        }

        @Override
        public boolean sendMulticast(int group, byte[] b, int outerOff, int len) {
            return true;
        }

        @Override
        public boolean sendUplink(byte[] b, int off, int len) {
            return true;
        }
    };
}
