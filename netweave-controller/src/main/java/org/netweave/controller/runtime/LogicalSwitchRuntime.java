package org.netweave.controller.runtime;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * The runtime state of one logical switch on its owning node: settings, the connections joined to
 * the VNI, and its VTEP, MAC and ARP tables (NSX-V reference §2.4, §2.5). Every change returns the
 * {@link VniDelta} to push to the joined hosts; it is empty when nothing a host sees changed, so
 * the full re-report hosts send after a failover or reconnect costs no pushes.
 *
 * <p>Rules. A connection reports MACs and ARP bindings only on a VNI it has joined, and its MACs
 * sit behind the VTEP it joined with. The last report of a key wins: a MAC or IP reported by a
 * second connection moves to it (vMotion, or the same host over a new stream), and the first
 * connection's later removal or disconnect no longer touches it. Leaving or disconnecting removes
 * exactly the rows the connection still owns.
 *
 * <p>Not thread-safe: the owner calls it from one thread (see the package documentation).
 */
public final class LogicalSwitchRuntime {
    private LogicalSwitchSettings settings;
    private VniPlacement placement = VniPlacement.NONE;
    /** Joined connections, with the VTEP each joined with. */
    private final Map<ConnectionId, Member> members = new HashMap<>();
    private final OwnedRows<Ipv4Address, VtepRow> vteps = new OwnedRows<>(VtepRow::ip, VtepRow::connection);
    private final OwnedRows<MacAddress, MacRow> macs = new OwnedRows<>(MacRow::mac, MacRow::connection);
    private final OwnedRows<Ipv4Address, ArpRow> arps = new OwnedRows<>(ArpRow::ip, ArpRow::connection);

    private record Member(HostConnection connection, VtepRow vtep) {
    }

    public LogicalSwitchRuntime(LogicalSwitchSettings settings) {
        this.settings = Fields.present("settings", settings);
    }

    public Vni vni() {
        return settings.vni();
    }

    public LogicalSwitchSettings settings() {
        return settings;
    }

    /** Replaces name, replication mode and ARP proxy flag; returns whether anything changed. */
    public boolean updateSettings(LogicalSwitchSettings updated) {
        Fields.present("settings", updated);
        if (!updated.vni().equals(vni())) {
            throw new InvalidValueException("vni", updated.vni().value(), "is not the VNI of this logical switch (" + vni() + ")");
        }
        boolean changed = !updated.equals(settings);
        settings = updated;
        return changed;
    }

    /** Which hosts the manager placed on the VNI and what each holds there; {@link VniPlacement#NONE} until it says. */
    public VniPlacement placement() {
        return placement;
    }

    /**
     * Replaces the placement; returns whether it changed. The tables stay as they are: the owner
     * admits the joined hosts' claims again (see {@link VniPlacement#admit}).
     */
    public boolean place(VniPlacement updated) {
        boolean changed = !Fields.present("placement", updated).equals(placement);
        placement = updated;
        return changed;
    }

    /**
     * A host's VTEP joins the VNI over {@code connection}. Joining again with the same VTEP is
     * idempotent; a connection has one VTEP, so joining with another is refused. A VTEP IP already
     * joined by another connection (the same host over a new stream) moves to this one.
     */
    public VniDelta join(HostConnection connection, Ipv4Address vtepIp, Ipv4Prefix segment, MacAddress vtepMac) {
        Fields.present("connection", connection);
        VtepRow row = new VtepRow(vni(), vtepIp, segment, vtepMac, connection.id());
        Member member = members.get(connection.id());
        if (member != null && !member.connection().equals(connection)) {
            throw new InvalidValueException("connectionId", connection.id().value(),
                    "is already joined to vni " + vni() + " as " + member.connection());
        }
        if (member != null && !member.vtep().ip().equals(vtepIp)) {
            throw new InvalidValueException("vtepIp", vtepIp.toString(), "differs from VTEP " + member.vtep().ip()
                    + " that connection " + connection.id() + " joined vni " + vni() + " with; leave first");
        }
        members.put(connection.id(), new Member(connection, row));
        VniDeltaBuilder delta = new VniDeltaBuilder(vni());
        vteps.report(connection.id(), List.of(row), List.of(), delta::vtepTouched);
        return build(delta);
    }

    /** The host left the VNI: its VTEP, MACs and ARP bindings go. Idempotent. */
    public VniDelta leave(ConnectionId connection) {
        if (members.remove(Fields.present("connectionId", connection)) == null) {
            return VniDelta.empty(vni());
        }
        VniDeltaBuilder delta = new VniDeltaBuilder(vni());
        macs.ownedBy(connection).forEach(mac -> delta.macTouched(mac, macs.remove(mac)));
        arps.ownedBy(connection).forEach(ip -> delta.arpTouched(ip, arps.remove(ip)));
        for (Ipv4Address ip : vteps.ownedBy(connection)) {
            delta.vtepTouched(ip, vteps.remove(ip));
            // Another stream still joined with this VTEP (a reconnect racing the old stream's end)
            // keeps the VTEP in the table.
            members.values().stream().filter(m -> m.vtep().ip().equals(ip))
                    .min(Comparator.comparing(m -> m.connection().id()))
                    .ifPresent(m -> vteps.put(m.vtep()));
        }
        return build(delta);
    }

    /** The connection's stream ended: the same clean-up as {@link #leave}. */
    public VniDelta disconnect(ConnectionId connection) {
        return leave(connection);
    }

    /**
     * Local VM MACs the host learned or lost; they sit behind the VTEP the connection joined with.
     * Removals apply first, so a MAC in both lists stays; removing a MAC now owned by another
     * connection does nothing. All-or-nothing: a bad MAC refuses the whole report.
     */
    public VniDelta reportMacs(ConnectionId connection, Collection<MacAddress> added, Collection<MacAddress> removed) {
        Member member = requireJoined(connection);
        List<MacRow> rows = added.stream()
                .map(mac -> new MacRow(vni(), Fields.present("mac", mac), member.vtep().ip(), connection)).toList();
        VniDeltaBuilder delta = new VniDeltaBuilder(vni());
        macs.report(connection, rows, removed, delta::macTouched);
        return build(delta);
    }

    /** IP-to-MAC bindings the host learned or lost; the same rules as {@link #reportMacs}. */
    public VniDelta reportArps(ConnectionId connection, Map<Ipv4Address, MacAddress> added,
            Collection<Ipv4Address> removed) {
        requireJoined(connection);
        List<ArpRow> rows = added.entrySet().stream()
                .map(e -> new ArpRow(vni(), e.getKey(), e.getValue(), connection)).toList();
        VniDeltaBuilder delta = new VniDeltaBuilder(vni());
        arps.report(connection, rows, removed, delta::arpTouched);
        return build(delta);
    }

    /** The answer to a host's ARP query; nothing while the switch's ARP proxy is off, so hosts flood. */
    public Optional<MacAddress> lookupArp(Ipv4Address ip) {
        if (!settings.arpProxy()) {
            return Optional.empty();
        }
        return Optional.ofNullable(arps.get(ip)).map(ArpRow::mac);
    }

    public boolean isJoined(ConnectionId connection) {
        return members.containsKey(connection);
    }

    /** The connection table of the VNI, by connection id. */
    public List<HostConnection> joinedConnections() {
        return members.values().stream().map(Member::connection).sorted(Comparator.comparing(HostConnection::id)).toList();
    }

    /** The full tables, for a host that has just joined and for the CLI views. */
    public VniTablesSnapshot snapshot() {
        return new VniTablesSnapshot(vni(), List.copyOf(vteps.view().values()), List.copyOf(macs.view().values()),
                List.copyOf(arps.view().values()));
    }

    /** The tables by host, comparable with another owner's after a failover. */
    public LogicalSwitchTables tables() {
        return new LogicalSwitchTables(settings,
                members.values().stream().map(m -> m.connection().host()).toList(),
                vteps.view().values().stream()
                        .map(r -> new LogicalSwitchTables.Vtep(r.ip(), r.segment(), r.mac(), host(r.connection())))
                        .toList(),
                macs.view().values().stream()
                        .map(r -> new LogicalSwitchTables.Mac(r.mac(), r.vtepIp(), host(r.connection()))).toList(),
                arps.view().values().stream()
                        .map(r -> new LogicalSwitchTables.Arp(r.ip(), r.mac(), host(r.connection()))).toList());
    }

    private VniDelta build(VniDeltaBuilder delta) {
        return delta.build(vteps.view(), macs.view(), arps.view());
    }

    private HostId host(ConnectionId connection) {
        return members.get(connection).connection().host();
    }

    private Member requireJoined(ConnectionId connection) {
        Member member = members.get(Fields.present("connectionId", connection));
        if (member == null) {
            throw new InvalidValueException("connectionId", connection.value(),
                    "has not joined vni " + vni() + "; join before reporting");
        }
        return member;
    }
}
