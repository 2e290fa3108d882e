package org.netweave.dataplane.emulated;

/**
 * What sits behind a vNIC or an access port: an emulated VM or physical server. Called on the
 * forwarding thread of the switch that delivers; the frame bytes are only valid during the call
 * (copy what must be kept), and a reply must be queued, not sent from inside the call.
 */
@FunctionalInterface
public interface PortEndpoint {
    void receive(byte[] frame, int off, int len);
}
