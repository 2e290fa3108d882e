package org.netweave.dataplane.emulated;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.collections.Int2ObjectHashMap;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.PortId;

/**
 * Every table of one emulated host, owned by the host's forwarding thread: logical switch
 * instances by VNI, vNIC ports by index, DLR instances, bridge instances by VLAN.
 */
final class HostTables {
    final HostDatapathConfig config;
    final int vtepIp;
    final long routerMac;
    final Int2ObjectHashMap<SwitchInstance> switches = new Int2ObjectHashMap<>();
    final Map<PortId, PortInstance> portsById = new LinkedHashMap<>();
    PortInstance[] ports = new PortInstance[16];
    final Map<DlrId, RouterInstance> routers = new LinkedHashMap<>();
    final Map<BridgeId, BridgeInstance> bridges = new LinkedHashMap<>();
    final Int2ObjectHashMap<BridgeInstance> bridgesByVlan = new Int2ObjectHashMap<>();
    /**
     * Bumped by every change to a table the packet path reads — each applied batch, each MAC or
     * ARP binding learned from traffic — so that caches of lookup results ({@link RouteCache},
     * each switch's MAC memo) see at once that they are stale. A long never wraps.
     */
    long generation = 1;
    /** What is plugged into each port id, whether or not the port is attached yet. */
    final Map<PortId, PortEndpoint> endpoints = new java.util.HashMap<>();

    HostTables(HostDatapathConfig config) {
        this.config = config;
        this.vtepIp = config.vtepIp().value();
        this.routerMac = config.routerMac().value();
    }

    int freePortIndex() {
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] == null) {
                return i;
            }
        }
        int i = ports.length;
        ports = Arrays.copyOf(ports, ports.length * 2);
        return i;
    }
}
