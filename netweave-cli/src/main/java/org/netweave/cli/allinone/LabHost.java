package org.netweave.cli.allinone;

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
}
