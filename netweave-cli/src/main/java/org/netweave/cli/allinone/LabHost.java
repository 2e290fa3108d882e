package org.netweave.cli.allinone;

import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.emulated.EmulatedUnderlay;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/**
 * A host of the lab as host preparation left it: the VTEP address from its cluster's pool and the
 * router MAC the manager gave it. Its emulated datapath is built from exactly these.
 */
public record LabHost(HostId id, String name, int cluster, Ipv4Address vtep, Ipv4Prefix vtepSegment,
                      MacAddress routerMac) {

    /** The datapath configuration host preparation gives: its VTEP (with the lab's VTEP MAC) and router MAC. */
    HostDatapathConfig datapathConfig(int vxlanPort) {
        return new HostDatapathConfig(id, vtep, vtepSegment, MacAddress.of(EmulatedUnderlay.vtepMac(vtep.value())),
                routerMac, vxlanPort);
    }
}
