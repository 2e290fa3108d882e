package org.netweave.dataplane.emulated;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records copies of every VXLAN packet a host sends and receives. */
final class CapturingTap implements WireTap {
    /** A sent packet: full outer frame. */
    record Sent(int dstIp, byte[] frame) {
    }

    /** A received datagram: VXLAN header and inner frame. */
    record Received(int srcIp, byte[] datagram) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    @Override
    public void sent(int dstIp, byte[] b, int outerOff, int len) {
        byte[] copy = new byte[len];
        System.arraycopy(b, outerOff, copy, 0, len);
        sent.add(new Sent(dstIp, copy));
    }

    @Override
    public void received(int srcIp, byte[] b, int vxlanOff, int len) {
        byte[] copy = new byte[len];
        System.arraycopy(b, vxlanOff, copy, 0, len);
        received.add(new Received(srcIp, copy));
    }
}
