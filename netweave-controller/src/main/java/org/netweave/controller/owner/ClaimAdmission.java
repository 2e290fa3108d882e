package org.netweave.controller.owner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netweave.controller.runtime.ClaimRefusal;
import org.netweave.controller.runtime.HostClaim;
import org.netweave.controller.runtime.HostConnection;
import org.netweave.controller.runtime.LogicalSwitchRuntime;
import org.netweave.controller.runtime.RefusedClaim;
import org.netweave.controller.runtime.VniDelta;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.Role;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts into a VNI's tables what hosts claim there, as far as the VNI's {@link VniPlacement}
 * admits it: the tables hold the admitted part of every claim, always, whichever of the two —
 * the claim or the placement — changed last. A refused part stays with the claim and is admitted
 * when a later placement allows it, without the host saying it again: the manager sends a host
 * its configuration and the controllers the placement side by side, so a host attaching a vNIC
 * may well say so first. Hence a part is counted and logged as refused only if it is still
 * refused a grace period ({@link org.netweave.controller.ControllerNodeConfig#claimGrace}) after it
 * was made, and then once. Owner thread only.
 */
final class ClaimAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimAdmission.class);
    private final OwnerService owner;
    private final Duration grace;
    private final Map<ClaimRefusal, Long> refusals = new EnumMap<>(ClaimRefusal.class);

    ClaimAdmission(OwnerService owner, Duration grace) {
        this.owner = owner;
        this.grace = grace;
    }

    /**
     * The host's claim on the VNI is now {@code claim}: applies what changed in its admitted part.
     *
     * @param joinSent the host just sent a join, so it waits for the full tables if it is admitted
     */
    void claim(HostStream stream, LogicalSwitchRuntime ls, HostClaim claim, boolean joinSent) {
        Vni vni = ls.vni();
        if (claim.joined()) {
            stream.claims.put(vni, claim);
        } else {
            stream.claims.remove(vni);
        }
        admit(stream, ls, joinSent);
    }

    /** The VNI's placement changed: every claim on it is admitted again. */
    void placementChanged(LogicalSwitchRuntime ls) {
        for (HostStream stream : List.copyOf(owner.streams.values())) {
            if (stream.claims.containsKey(ls.vni()) || stream.admitted.containsKey(ls.vni())) {
                try {
                    admit(stream, ls, false);
                } catch (InvalidValueException e) {
                    LOG.warn("{}: the claim of stream {} on VNI {} could not be applied: {}", owner.node, stream.id,
                            ls.vni().value(), e.getMessage());
                }
            }
        }
    }

    /** How many claims each reason refused since this node started. */
    Map<ClaimRefusal, Long> refusals() {
        return Map.copyOf(refusals);
    }

    private void admit(HostStream stream, LogicalSwitchRuntime ls, boolean joinSent) {
        Vni vni = ls.vni();
        HostClaim claim = stream.claims.getOrDefault(vni, HostClaim.NONE);
        VniPlacement.Admission admission = ls.placement().admit(stream.connection.host(), claim);
        HostClaim before = stream.admitted.getOrDefault(vni, HostClaim.NONE);
        apply(stream, ls, before, admission.admitted(), joinSent);
        if (admission.admitted().joined()) {
            stream.admitted.put(vni, admission.admitted());
        } else {
            stream.admitted.remove(vni);
        }
        count(stream, vni, admission.refused());
    }

    private void apply(HostStream stream, LogicalSwitchRuntime ls, HostClaim before, HostClaim after, boolean joinSent) {
        List<VniDelta> deltas = new ArrayList<>();
        HostConnection connection = stream.connection;
        if (before.joined() && !after.joined()) {
            deltas.add(ls.leave(stream.id));
            LOG.atInfo().setMessage("{}: host {} left VNI {}").addArgument(owner.node).addArgument(connection.host().value())
                    .addArgument(ls.vni().value()).addKeyValue("event", "host-left-vni")
                    .addKeyValue("controller", owner.node.value()).addKeyValue("host", connection.host().value())
                    .addKeyValue("vni", ls.vni().value()).log();
        }
        if (after.joined()) {
            if (!before.joined()) {
                var vtep = stream.vtep;
                deltas.add(ls.join(connection, Ipv4Address.of(vtep.getIp()), WireTranslation.prefix(vtep.getSegment()),
                        MacAddress.of(vtep.getMac())));
                LOG.atInfo().setMessage("{}: host {} joined VNI {} with VTEP {}").addArgument(owner.node)
                        .addArgument(connection.host().value()).addArgument(ls.vni().value())
                        .addArgument(Ipv4Address.of(vtep.getIp())).addKeyValue("event", "host-joined-vni")
                        .addKeyValue("controller", owner.node.value()).addKeyValue("host", connection.host().value())
                        .addKeyValue("vni", ls.vni().value()).addKeyValue("vtep", Ipv4Address.of(vtep.getIp())).log();
            }
            Set<MacAddress> addedMacs = new HashSet<>(after.macs());
            addedMacs.removeAll(before.macs());
            Set<MacAddress> removedMacs = new HashSet<>(before.macs());
            removedMacs.removeAll(after.macs());
            if (!addedMacs.isEmpty() || !removedMacs.isEmpty()) {
                deltas.add(ls.reportMacs(stream.id, addedMacs, removedMacs));
            }
            Map<Ipv4Address, MacAddress> addedArps = new HashMap<>();
            after.arps().forEach((ip, mac) -> {
                if (!mac.equals(before.arps().get(ip))) {
                    addedArps.put(ip, mac);
                }
            });
            Set<Ipv4Address> removedArps = new HashSet<>(before.arps().keySet());
            removedArps.removeAll(after.arps().keySet());
            if (!addedArps.isEmpty() || !removedArps.isEmpty()) {
                deltas.add(ls.reportArps(stream.id, addedArps, removedArps));
            }
        }
        boolean sendTables = after.joined() && (joinSent || !before.joined());
        if (sendTables) {
            stream.send(ControllerMessage.newBuilder()
                    .setVniTables(WireTranslation.toWire(ls.snapshot(), owner.epoch(Role.SWITCH_MANAGER))).build());
        }
        deltas.forEach(delta -> push(ls, delta, sendTables ? stream : null));
    }

    /**
     * Remembers since when each part is refused; one still refused the grace period later, by the
     * same stream without a break, is counted and logged.
     */
    private void count(HostStream stream, Vni vni, Set<RefusedClaim> refused) {
        Map<RefusedClaim, Long> known = stream.refused.getOrDefault(vni, Map.of());
        Map<RefusedClaim, Long> now = new HashMap<>();
        for (RefusedClaim claim : refused) {
            Long since = known.get(claim);
            if (since == null) {
                long at = System.nanoTime();
                now.put(claim, at);
                owner.later(grace, () -> {
                    if (owner.streams.get(stream.id) == stream
                            && Long.valueOf(at).equals(stream.refused.getOrDefault(vni, Map.of()).get(claim))) {
                        refusedForGood(stream, vni, claim);
                    }
                });
            } else {
                now.put(claim, since);
            }
        }
        if (now.isEmpty()) {
            stream.refused.remove(vni);
        } else {
            stream.refused.put(vni, now);
        }
    }

    private void refusedForGood(HostStream stream, Vni vni, RefusedClaim claim) {
        refusals.merge(claim.reason(), 1L, Long::sum);
        String host = stream.connection.host().value();
        LOG.atWarn().setMessage("{}: refused {} on VNI {} from host {}: {}").addArgument(owner.node)
                .addArgument(claim.claim()).addArgument(vni.value()).addArgument(host)
                .addArgument(claim.reason().cliName()).addKeyValue("event", "host-claim-refused")
                .addKeyValue("controller", owner.node.value()).addKeyValue("host", host)
                .addKeyValue("vni", vni.value()).addKeyValue("reason", claim.reason().cliName())
                .addKeyValue("claim", claim.claim()).log();
    }

    /** Sends a non-empty delta to every joined host except {@code skip} (which got the full tables). */
    void push(LogicalSwitchRuntime ls, VniDelta delta, HostStream skip) {
        if (delta.isEmpty()) {
            return;
        }
        ControllerMessage message = ControllerMessage.newBuilder()
                .setVniDelta(WireTranslation.toWire(delta, owner.epoch(Role.SWITCH_MANAGER))).build();
        for (HostConnection connection : ls.joinedConnections()) {
            HostStream target = owner.streams.get(connection.id());
            if (target != null && target != skip) {
                target.send(message);
            }
        }
    }
}
