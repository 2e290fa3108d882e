package org.netweave.hostagent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.netweave.dataplane.ExternalVtep;
import org.netweave.model.DlrId;
import org.netweave.model.EndpointId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;
import org.netweave.proto.manager.v1.DlrInstanceConfig;
import org.netweave.proto.manager.v1.ExternalBinding;
import org.netweave.proto.manager.v1.ExternalVtepConfig;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

/**
 * What the manager wants on this host at one generation, in model types: the decoded
 * {@link HostConfig}. Decoding is the only place the wire's zero-means-absent conventions are
 * read, so everything after it works with {@link Optional} and validated ids.
 *
 * @param vtep        empty until host preparation has created the VTEP
 * @param controllers in the manager's order, without repeats
 */
public record HostDesiredState(HostId host, long generation, Optional<Ipv4Address> vtep, MacAddress routerMac,
                               List<ControllerAddress> controllers, SortedMap<Vni, DesiredLogicalSwitch> logicalSwitches,
                               SortedSet<DlrId> dlrs, List<DesiredVnic> vnics) {
    public HostDesiredState {
        controllers = List.copyOf(new LinkedHashSet<>(controllers));
        logicalSwitches = Collections.unmodifiableSortedMap(new TreeMap<>(logicalSwitches));
        dlrs = Collections.unmodifiableSortedSet(new TreeSet<>(dlrs));
        vnics = List.copyOf(vnics);
    }

    /**
     * Decodes a configuration. Pure: no clock, no I/O.
     *
     * @throws InvalidValueException naming the field, when any part of the configuration is not
     *     valid; a host applies a configuration whole or not at all
     */
    public static HostDesiredState from(HostConfig config) {
        HostId host = HostId.of(config.getHostId());
        Optional<Ipv4Address> vtep = config.getVtepIp() == 0 ? Optional.empty() : Optional.of(Ipv4Address.of(config.getVtepIp()));
        List<ControllerAddress> controllers = config.getControllersList().stream().map(ControllerAddress::of).toList();
        SortedMap<Vni, DesiredLogicalSwitch> switches = new TreeMap<>();
        for (LogicalSwitchConfig ls : config.getLogicalSwitchesList()) {
            DesiredLogicalSwitch decoded = new DesiredLogicalSwitch(Vni.of(ls.getVni()), ls.getName(),
                    replicationMode(ls), externalVteps(ls));
            if (switches.put(decoded.vni(), decoded) != null) {
                throw new InvalidValueException("logicalSwitches", ls.getVni(), "is listed twice");
            }
        }
        SortedSet<DlrId> dlrs = new TreeSet<>();
        for (DlrInstanceConfig dlr : config.getDlrsList()) {
            dlrs.add(DlrId.of(dlr.getDlrId()));
        }
        List<DesiredVnic> vnics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (VnicConfig vnic : config.getVnicsList()) {
            if (!seen.add(vnic.getVmId() + "/" + vnic.getIndex())) {
                throw new InvalidValueException("vnics", vnic.getVmId() + "/" + vnic.getIndex(), "is listed twice");
            }
            vnics.add(vnic(vnic));
        }
        return new HostDesiredState(host, config.getGeneration(), vtep, MacAddress.of(config.getRouterMac()),
                controllers, switches, dlrs, vnics);
    }

    /** The session this state calls for: none until the host has a VTEP and knows a controller. */
    public Optional<SessionTarget> sessionTarget() {
        if (vtep.isEmpty() || controllers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SessionTarget(vtep.get(), controllers));
    }

    private static ReplicationMode replicationMode(LogicalSwitchConfig ls) {
        return switch (ls.getReplicationMode()) {
            case UNICAST -> ReplicationMode.UNICAST;
            case HYBRID -> ReplicationMode.HYBRID;
            case MULTICAST -> ReplicationMode.MULTICAST;
            case REPLICATION_MODE_UNSPECIFIED, UNRECOGNIZED ->
                    throw new InvalidValueException("replicationMode", ls.getReplicationModeValue(),
                            "of logical switch " + ls.getVni() + " is not unicast, hybrid or multicast");
        };
    }

    /**
     * The external VTEPs of a switch. A binding without an IP (only the MAC is known) has no place
     * in the datapath's external VTEP record, which maps IPs to MACs, so it is left out.
     */
    private static SortedMap<Ipv4Address, ExternalVtep> externalVteps(LogicalSwitchConfig ls) {
        SortedMap<Ipv4Address, ExternalVtep> vteps = new TreeMap<>();
        for (ExternalVtepConfig vtep : ls.getExternalVtepsList()) {
            Ipv4Address ip = Ipv4Address.of(vtep.getVtepIp());
            if (ip.equals(Ipv4Address.ANY)) {
                throw new InvalidValueException("externalVteps", 0, "of logical switch " + ls.getVni() + " has no VTEP address");
            }
            Map<Ipv4Address, MacAddress> endpoints = new TreeMap<>();
            for (ExternalBinding binding : vtep.getBindingsList()) {
                if (binding.getIp() != 0) {
                    endpoints.put(Ipv4Address.of(binding.getIp()), MacAddress.of(binding.getMac()));
                }
            }
            if (vteps.put(ip, new ExternalVtep(ip, endpoints)) != null) {
                throw new InvalidValueException("externalVteps", ip.toString(), "is listed twice on logical switch " + ls.getVni());
            }
        }
        return vteps;
    }

    private static DesiredVnic vnic(VnicConfig vnic) {
        return new DesiredVnic(EndpointId.of(vnic.getVmId()), vnic.getIndex(), MacAddress.of(vnic.getMac()),
                vnic.getIp() == 0 ? Optional.empty() : Optional.of(Ipv4Address.of(vnic.getIp())),
                vnic.getVni() == 0 ? Optional.empty() : Optional.of(Vni.of(vnic.getVni())),
                vnic.getConnected());
    }
}
