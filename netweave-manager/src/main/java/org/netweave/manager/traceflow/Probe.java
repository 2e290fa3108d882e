package org.netweave.manager.traceflow;

import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;

/**
 * A probe with every field decided: where it is injected and the frame's headers.
 *
 * @param routed whether the destination is off the source's subnet, so the DLR routes it
 */
record Probe(HostId host, PortId port, MacAddress srcMac, MacAddress dstMac, Ipv4Address srcIp, Ipv4Address dstIp,
             ProbeProtocol protocol, int srcPort, int dstPort, int ttl, boolean routed) {
}
