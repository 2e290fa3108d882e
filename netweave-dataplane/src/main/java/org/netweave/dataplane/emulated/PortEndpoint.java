package org.netweave.dataplane.emulated;

/**
 * What sits behind a vNIC or an access port: an emulated VM or physical server. Called on the
 * forwarding thread of the switch that delivers; the frame bytes are only valid during the call
 * (copy what must be kept). An endpoint may answer from inside the call: its NIC copies the reply
 * and the switch holds it until the frame being delivered is done.
 */
@FunctionalInterface
public interface PortEndpoint {
    void receive(byte[] frame, int off, int len);
}
