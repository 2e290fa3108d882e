package org.netweave.controller.runtime;

import java.util.Comparator;
import java.util.List;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/**
 * A logical switch's settings and tables in a form that compares equal across owners: every row
 * names the host that reported it instead of the connection, because connection ids are local to
 * a node and a stream and change on every reconnect and failover. Lists are sorted by key.
 *
 * @param joinedHosts the hosts with at least one joined connection, each once
 */
public record LogicalSwitchTables(LogicalSwitchSettings settings, List<HostId> joinedHosts, List<Vtep> vteps,
        List<Mac> macs, List<Arp> arps) {
    public LogicalSwitchTables {
        Fields.present("settings", settings);
        joinedHosts = joinedHosts.stream().distinct().sorted().toList();
        vteps = vteps.stream().sorted(Comparator.comparing(Vtep::ip).thenComparing(Vtep::host)).toList();
        macs = macs.stream().sorted(Comparator.comparing(Mac::mac).thenComparing(Mac::host)).toList();
        arps = arps.stream().sorted(Comparator.comparing(Arp::ip).thenComparing(Arp::host)).toList();
    }

    /** A VTEP table row, by host. */
    public record Vtep(Ipv4Address ip, Ipv4Prefix segment, MacAddress mac, HostId host) {
    }

    /** A MAC table row, by host. */
    public record Mac(MacAddress mac, Ipv4Address vtepIp, HostId host) {
    }

    /** An ARP table row, by host. */
    public record Arp(Ipv4Address ip, MacAddress mac, HostId host) {
    }
}
