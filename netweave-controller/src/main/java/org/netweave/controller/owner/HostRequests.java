package org.netweave.controller.owner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.grpc.Status;
import org.netweave.controller.runtime.DisconnectOutcome;
import org.netweave.controller.runtime.DlrRuntime;
import org.netweave.controller.runtime.HostClaim;
import org.netweave.controller.runtime.HostConnection;
import org.netweave.controller.runtime.LogicalSwitchRuntime;
import org.netweave.controller.runtime.VniDelta;
import org.netweave.controller.slice.Role;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.pki.ComponentIdentity;
import org.netweave.proto.controller.v1.ArpAnswer;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.Hello;
import org.netweave.proto.controller.v1.HostMessage;
import org.netweave.proto.controller.v1.ObjectRef;
import org.netweave.proto.controller.v1.Refused;
import org.netweave.proto.controller.v1.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handles what hosts send on their streams; runs on the owner thread only. */
public final class HostRequests {
    private static final Logger LOG = LoggerFactory.getLogger(HostRequests.class);
    /**
     * The most MACs, and IP bindings, one host may claim on one VNI: far above the vNICs a host
     * runs, and above what a bridging host learns from a VLAN, yet a bound on what a hostile host
     * can make a controller hold (claims are kept, refused parts too, until placement admits them).
     */
    static final int MAX_CLAIMS_PER_VNI = 16_384;

    private final OwnerService owner;

    HostRequests(OwnerService owner) {
        this.owner = owner;
    }

    void handle(HostStream stream, HostMessage message) {
        if (message.getBodyCase() != HostMessage.BodyCase.HELLO && !stream.hasSaidHello()) {
            stream.send(owner.refused(Refused.Reason.INVALID, "the first message on a host stream must be hello",
                    Role.SWITCH_MANAGER));
            return;
        }
        try {
            switch (message.getBodyCase()) {
                case HELLO -> hello(stream, message.getHello());
                case JOIN_VNI -> joinVni(stream, Vni.of(message.getJoinVni().getVni()), message.getJoinVni().getEpoch());
                case LEAVE_VNI -> leaveVni(stream, Vni.of(message.getLeaveVni().getVni()), message.getLeaveVni().getEpoch());
                case MAC_REPORT -> macReport(stream, message);
                case ARP_REPORT -> arpReport(stream, message);
                case ARP_QUERY -> arpQuery(stream, message);
                case JOIN_DLR -> joinDlr(stream, DlrId.of(message.getJoinDlr().getDlrId()), message.getJoinDlr().getEpoch());
                case LEAVE_DLR -> leaveDlr(stream, DlrId.of(message.getLeaveDlr().getDlrId()), message.getLeaveDlr().getEpoch());
                case BODY_NOT_SET -> stream.send(owner.refused(Refused.Reason.INVALID, "empty host message", Role.SWITCH_MANAGER));
            }
        } catch (InvalidValueException e) {
            stream.send(owner.refused(Refused.Reason.INVALID, e.getMessage(), Role.SWITCH_MANAGER));
        }
    }

    private void hello(HostStream stream, Hello hello) {
        HostId host = HostId.of(hello.getHostId());
        if (stream.peer.isPresent() && !stream.peer.get().equals(ComponentIdentity.host(host))) {
            // A host speaks for itself only: its certificate, not its hello, says which host it is.
            LOG.atWarn().setMessage("{}: {} said hello as host {}; stream closed").addArgument(owner.node)
                    .addArgument(stream.peer.get()).addArgument(host).addKeyValue("event", "host-impersonation-refused")
                    .addKeyValue("controller", owner.node.value()).addKeyValue("peer", stream.peer.get().uri())
                    .addKeyValue("host", host.value()).log();
            // Ended as a disconnect is, so whatever an earlier hello on the stream claimed is withdrawn.
            ended(stream);
            stream.fail(Status.PERMISSION_DENIED.withDescription(stream.peer.get() + " may not act as host " + host));
            return;
        }
        stream.connection = new HostConnection(stream.id, host, Ipv4Address.of(hello.getHostIp()),
                hello.getPort() == 0 ? 1234 : hello.getPort());
        stream.vtep = hello.getVtep();
        stream.send(ControllerMessage.newBuilder().setWelcome(Welcome.newBuilder()
                .setConnectionId(stream.id.value())
                .setNodeId(owner.node.value())
                .addAllAssignments(owner.assignments())).build());
    }

    private Optional<LogicalSwitchRuntime> servedSwitch(HostStream stream, Vni vni, long epoch) {
        ControllerMessage refusal = owner.notServing(Role.SWITCH_MANAGER, owner.space.sliceOf(vni), epoch,
                ObjectRef.newBuilder().setVni(vni.value()).build());
        if (refusal != null) {
            stream.send(refusal);
            return Optional.empty();
        }
        Optional<LogicalSwitchRuntime> ls = owner.tables.logicalSwitch(vni);
        if (ls.isEmpty()) {
            stream.send(owner.refused(Refused.Reason.NOT_FOUND, "vni " + vni + " is not a logical switch", Role.SWITCH_MANAGER));
        }
        return ls;
    }

    private void joinVni(HostStream stream, Vni vni, long epoch) {
        servedSwitch(stream, vni, epoch).ifPresent(ls ->
                owner.claims.claim(stream, ls, stream.claims.getOrDefault(vni, HostClaim.NONE).withJoined(), true));
    }

    private void leaveVni(HostStream stream, Vni vni, long epoch) {
        servedSwitch(stream, vni, epoch).ifPresent(ls -> owner.claims.claim(stream, ls, HostClaim.NONE, false));
    }

    private void macReport(HostStream stream, HostMessage message) {
        var report = message.getMacReport();
        Vni vni = Vni.of(report.getVni());
        servedSwitch(stream, vni, report.getEpoch()).ifPresent(ls -> {
            List<MacAddress> added = new ArrayList<>();
            report.getAddedList().forEach(entry -> added.add(MacAddress.of(entry.getMac())));
            List<MacAddress> removed = new ArrayList<>();
            report.getRemovedList().forEach(mac -> removed.add(MacAddress.of(mac)));
            HostClaim joined = joinedClaim(stream, vni);
            owner.claims.claim(stream, ls, withinBound(stream, vni, joined.withMacs(added, removed),
                    joined.withMacs(List.of(), removed)), false);
        });
    }

    private void arpReport(HostStream stream, HostMessage message) {
        var report = message.getArpReport();
        Vni vni = Vni.of(report.getVni());
        servedSwitch(stream, vni, report.getEpoch()).ifPresent(ls -> {
            Map<Ipv4Address, MacAddress> added = new HashMap<>();
            report.getAddedList().forEach(entry -> added.put(Ipv4Address.of(entry.getIp()), MacAddress.of(entry.getMac())));
            List<Ipv4Address> removed = new ArrayList<>();
            report.getRemovedList().forEach(ip -> removed.add(Ipv4Address.of(ip)));
            HostClaim joined = joinedClaim(stream, vni);
            owner.claims.claim(stream, ls, withinBound(stream, vni, joined.withArps(added, removed),
                    joined.withArps(Map.of(), removed)), false);
        });
    }

    /** Whether {@code claim} holds more than a host may claim on one VNI. */
    static boolean exceedsBound(HostClaim claim) {
        return claim.macs().size() > MAX_CLAIMS_PER_VNI || claim.arps().size() > MAX_CLAIMS_PER_VNI;
    }

    /**
     * {@code reported}, or, when it holds more than a host may claim on a VNI, {@code removalsOnly}:
     * a report is a delta the host does not send again, so its removals are applied all the same
     * and only its additions are refused (and the host told).
     */
    private HostClaim withinBound(HostStream stream, Vni vni, HostClaim reported, HostClaim removalsOnly) {
        if (!exceedsBound(reported)) {
            return reported;
        }
        LOG.atWarn().setMessage("{}: a report of {} on VNI {} would hold more than {} MACs or IP bindings; its additions"
                        + " are refused").addArgument(owner.node).addArgument(stream.peer.map(Object::toString).orElse("a host"))
                .addArgument(vni.value()).addArgument(MAX_CLAIMS_PER_VNI).addKeyValue("event", "host-claim-bound")
                .addKeyValue("controller", owner.node.value()).addKeyValue("vni", vni.value()).log();
        stream.send(owner.refused(Refused.Reason.INVALID, "a host claims at most " + MAX_CLAIMS_PER_VNI
                + " MACs and " + MAX_CLAIMS_PER_VNI + " IP bindings on a VNI; the report's additions are refused",
                Role.SWITCH_MANAGER));
        return removalsOnly;
    }

    /** The host's claim on a VNI it must have joined before reporting on it. */
    private static HostClaim joinedClaim(HostStream stream, Vni vni) {
        HostClaim claim = stream.claims.get(vni);
        if (claim == null) {
            throw new InvalidValueException("vni", vni.value(), "has not been joined on this stream; join before reporting");
        }
        return claim;
    }

    private void arpQuery(HostStream stream, HostMessage message) {
        var query = message.getArpQuery();
        servedSwitch(stream, Vni.of(query.getVni()), Long.MAX_VALUE).ifPresent(ls -> {
            Optional<MacAddress> mac = ls.lookupArp(Ipv4Address.of(query.getIp()));
            stream.send(ControllerMessage.newBuilder().setArpAnswer(ArpAnswer.newBuilder()
                    .setQueryId(query.getQueryId()).setVni(query.getVni()).setIp(query.getIp())
                    .setFound(mac.isPresent()).setMac(mac.map(MacAddress::value).orElse(0L))).build());
        });
    }

    private Optional<DlrRuntime> servedDlr(HostStream stream, DlrId dlr, long epoch) {
        ControllerMessage refusal = owner.notServing(Role.LOGICAL_MANAGER, owner.space.sliceOf(dlr), epoch,
                ObjectRef.newBuilder().setDlrId(dlr.value()).build());
        if (refusal != null) {
            stream.send(refusal);
            return Optional.empty();
        }
        Optional<DlrRuntime> runtime = owner.tables.dlr(dlr);
        if (runtime.isEmpty()) {
            stream.send(owner.refused(Refused.Reason.NOT_FOUND, "dlr " + dlr + " does not exist", Role.LOGICAL_MANAGER));
        }
        return runtime;
    }

    private void joinDlr(HostStream stream, DlrId id, long epoch) {
        servedDlr(stream, id, epoch).ifPresent(dlr -> {
            boolean moved = dlr.hostJoined(stream.connection);
            if (stream.dlrs.add(id)) {
                LOG.atInfo().setMessage("{}: host {} joined DLR {}").addArgument(owner.node)
                        .addArgument(stream.connection.host().value()).addArgument(id.value())
                        .addKeyValue("event", "host-joined-dlr").addKeyValue("controller", owner.node.value())
                        .addKeyValue("host", stream.connection.host().value()).addKeyValue("dlr", id.value()).log();
            }
            if (moved) {
                owner.pushDlrState(dlr);
            } else {
                stream.send(ControllerMessage.newBuilder()
                        .setDlrState(WireTranslation.toWire(dlr.state(), owner.epoch(Role.LOGICAL_MANAGER))).build());
            }
        });
    }

    private void leaveDlr(HostStream stream, DlrId id, long epoch) {
        servedDlr(stream, id, epoch).ifPresent(dlr -> {
            if (stream.dlrs.remove(id)) {
                LOG.atInfo().setMessage("{}: host {} left DLR {}").addArgument(owner.node)
                        .addArgument(stream.connection.host().value()).addArgument(id.value())
                        .addKeyValue("event", "host-left-dlr").addKeyValue("controller", owner.node.value())
                        .addKeyValue("host", stream.connection.host().value()).addKeyValue("dlr", id.value()).log();
            }
            if (dlr.hostLeft(stream.id)) {
                owner.pushDlrState(dlr);
            }
        });
    }

    /** A host stream ended: everything the host reported on this node goes, and the others hear of it. */
    void ended(HostStream stream) {
        if (owner.streams.remove(stream.id) == null) {
            return;
        }
        DisconnectOutcome outcome = owner.tables.disconnect(stream.id);
        for (VniDelta delta : outcome.vniDeltas()) {
            owner.tables.logicalSwitch(delta.vni()).ifPresent(ls -> owner.claims.push(ls, delta, null));
        }
        for (DlrId dlr : outcome.changedDlrs()) {
            owner.tables.dlr(dlr).ifPresent(owner::pushDlrState);
        }
        String host = stream.connection == null ? "?" : stream.connection.host().value();
        List<Integer> vnis = stream.admitted.keySet().stream().map(Vni::value).sorted().toList();
        List<String> dlrs = stream.dlrs.stream().map(DlrId::value).toList();
        LOG.atInfo().setMessage("{}: host {} disconnected; withdrew its bindings from VNIs {} and left DLRs {}")
                .addArgument(owner.node).addArgument(host).addArgument(vnis).addArgument(dlrs)
                .addKeyValue("event", "host-disconnected").addKeyValue("controller", owner.node.value())
                .addKeyValue("host", host).addKeyValue("vnis", vnis).addKeyValue("dlrs", dlrs).log();
    }
}
