package org.netweave.manager.network.zone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.ClusterId;
import org.netweave.model.TransportZoneId;

/**
 * What a transport zone must satisfy. Pure.
 *
 * <p>The shrink rule: a cluster may leave a zone only when nothing of the zone needs its hosts —
 * no vNIC of a VM on it is attached to a logical switch of the zone (the VM would lose its
 * network), no DLR of the zone has its control VM pinned to it or running on it (the control VM
 * and any bridge instance live there), and the zone keeps at least one cluster while it holds
 * logical switches. Expand and shrink both wait while a DLR of the zone is deploying, because its
 * job is creating DLR instances on exactly the zone's hosts.
 */
public final class TransportZoneRules {
    private TransportZoneRules() {
    }

    /** At least one cluster id, each valid and named once. */
    public static List<ClusterId> clusterIds(List<String> raw) {
        Fields.required("clusterIds", raw);
        if (raw.isEmpty()) {
            throw ApiException.invalid("clusterIds", "clusterIds needs at least one cluster");
        }
        List<ClusterId> ids = new ArrayList<>();
        Set<ClusterId> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "clusterIds[" + i + "]";
            ClusterId id = Fields.id(field, raw.get(i), ClusterId::of);
            if (!seen.add(id)) {
                throw ApiException.invalid(field, "cluster " + id + " is named twice");
            }
            ids.add(id);
        }
        return ids;
    }

    public static void checkKnown(List<ClusterId> ids, Set<ClusterId> known) {
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                throw ApiException.notFound("clusterIds[" + i + "]", "cluster", ids.get(i));
            }
        }
    }

    public static void checkExpand(TransportZoneId zone, List<ClusterId> adding, Set<ClusterId> current, ZoneUsage usage) {
        checkNoDeployment(zone, usage);
        for (int i = 0; i < adding.size(); i++) {
            if (current.contains(adding.get(i))) {
                throw ApiException.conflict("clusterIds[" + i + "]",
                        "cluster " + adding.get(i) + " is already in transport zone " + zone);
            }
        }
    }

    public static void checkShrink(TransportZoneId zone, List<ClusterId> removing, Set<ClusterId> current, ZoneUsage usage) {
        checkNoDeployment(zone, usage);
        for (int i = 0; i < removing.size(); i++) {
            if (!current.contains(removing.get(i))) {
                throw ApiException.conflict("clusterIds[" + i + "]",
                        "cluster " + removing.get(i) + " is not in transport zone " + zone);
            }
        }
        if (removing.size() == current.size() && !usage.switches().isEmpty()) {
            throw ApiException.inUse("clusterIds", "transport zone " + zone + " must keep a cluster while it holds"
                    + " logical switches " + Fields.some(usage.switches()));
        }
        for (int i = 0; i < removing.size(); i++) {
            checkUnused(zone, removing.get(i), "clusterIds[" + i + "]", usage);
        }
    }

    private static void checkUnused(TransportZoneId zone, ClusterId cluster, String field, ZoneUsage usage) {
        List<String> vnics = usage.vnics().stream().filter(vnic -> vnic.cluster().equals(cluster))
                .map(vnic -> vnic.vm() + " vNIC " + vnic.index() + " on " + vnic.logicalSwitch()).toList();
        if (!vnics.isEmpty()) {
            throw ApiException.inUse(field, "cluster " + cluster + " has VMs attached to logical switches of transport"
                    + " zone " + zone + ": " + Fields.some(vnics));
        }
        for (ZoneUsage.ZoneDlr dlr : usage.dlrs()) {
            if (cluster.equals(dlr.applianceCluster())) {
                throw ApiException.inUse(field, "DLR " + dlr.id() + " places its control VM in cluster " + cluster);
            }
            if (dlr.controlVmClusters().contains(cluster)) {
                throw ApiException.inUse(field, "the control VM of DLR " + dlr.id() + " runs in cluster " + cluster);
            }
        }
    }

    private static void checkNoDeployment(TransportZoneId zone, ZoneUsage usage) {
        for (ZoneUsage.ZoneDlr dlr : usage.dlrs()) {
            if ("DEPLOYING".equals(dlr.state())) {
                throw ApiException.conflict(null, "DLR " + dlr.id() + " is being deployed on the hosts of transport zone "
                        + zone + "; change its clusters once the deployment job has finished");
            }
        }
    }

    /** A zone goes only when it holds no logical switch (its DLRs hang off those). */
    public static void checkDeletable(TransportZoneId zone, ZoneUsage usage) {
        if (!usage.switches().isEmpty()) {
            throw ApiException.inUse(null, "transport zone " + zone + " still holds logical switches "
                    + Fields.some(usage.switches()));
        }
        if (!usage.dlrs().isEmpty()) {
            throw ApiException.inUse(null, "transport zone " + zone + " still holds DLRs "
                    + Fields.some(usage.dlrs().stream().map(ZoneUsage.ZoneDlr::id).toList()));
        }
    }
}
