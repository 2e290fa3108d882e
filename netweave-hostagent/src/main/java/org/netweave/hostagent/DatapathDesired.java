package org.netweave.hostagent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.VniTables;

/**
 * The tables a host's datapath should hold: what the reconciler compares with what it installed
 * ({@link DatapathDiff}). Built by a pure translation from the manager's configuration and the
 * owners' tables ({@link #from}).
 *
 * @param routerMac the host's router MAC as the configuration names it; the datapath fixes its own
 *                  at host preparation, so this is shown, never installed
 */
public record DatapathDesired(MacAddress routerMac, SortedMap<Vni, DesiredSwitchTables> switches,
                              SortedMap<PortId, VnicPort> ports, SortedMap<DlrId, DesiredDlrTables> dlrs,
                              SortedMap<BridgeId, Bridge> bridges) {
    /** Nothing installed: where a fresh agent starts. */
    public static final DatapathDesired EMPTY = new DatapathDesired(MacAddress.ZERO, new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>(), new TreeMap<>());

    public DatapathDesired {
        Objects.requireNonNull(routerMac, "routerMac");
        switches = Collections.unmodifiableSortedMap(new TreeMap<>(switches));
        ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
        dlrs = Collections.unmodifiableSortedMap(new TreeMap<>(dlrs));
        bridges = Collections.unmodifiableSortedMap(new TreeMap<>(bridges));
    }

    /**
     * The tables for {@code config}, given the VNI tables and DLR states the owners sent. Pure: no
     * clock, no I/O. See {@link DatapathTranslation} for what goes where.
     */
    public static DatapathDesired from(HostDesiredState config, Map<Vni, VniTables> vniTables,
                                       Map<DlrId, DlrState> dlrStates) {
        return DatapathTranslation.translate(config, vniTables, dlrStates);
    }

    /** One line per entry, sorted, every value labelled: for logs, show commands and golden tests. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("router mac=" + routerMac);
        switches.values().forEach(s -> {
            String at = "switch vni=" + s.spec().vni().value();
            lines.add(at + " replication=" + s.spec().replication()
                    + (s.spec().multicastGroup() == null ? "" : " group=" + s.spec().multicastGroup()));
            s.vteps().values().forEach(v -> lines.add(at + " vtep ip=" + v.ip() + " segment=" + v.segment()));
            s.remoteMacs().forEach((mac, vtep) -> lines.add(at + " remote-mac mac=" + mac + " vtep=" + vtep));
            s.arps().forEach((ip, mac) -> lines.add(at + " arp ip=" + ip + " mac=" + mac));
            s.externalVteps().values().forEach(x -> {
                lines.add(at + " external-vtep ip=" + x.ip());
                x.endpoints().forEach((ip, mac) -> lines.add(at + " external-vtep ip=" + x.ip() + " endpoint ip=" + ip
                        + " mac=" + mac));
            });
        });
        ports.values().forEach(p -> lines.add("port id=" + p.id() + " vni=" + p.vni().value() + " mac=" + p.mac()));
        dlrs.values().forEach(d -> {
            String at = "dlr id=" + d.id();
            lines.add(at);
            d.lifs().values().forEach(l -> lines.add(at + " lif id=" + l.id() + " type=" + l.type() + " vni="
                    + l.vni().value() + " address=" + l.address() + " vmac=" + l.vmac() + " designated="
                    + l.designatedInstance()));
            d.routes().values().forEach(r -> lines.add(at + " route prefix=" + r.prefix() + " lif=" + r.egressLif()
                    + " next-hop=" + (r.nextHop() == null ? "connected" : r.nextHop())));
        });
        bridges.values().forEach(b -> lines.add("bridge id=" + b.id() + " vni=" + b.vni().value() + " vlan=" + b.vlan().value()));
        Collections.sort(lines);
        return lines;
    }
}
