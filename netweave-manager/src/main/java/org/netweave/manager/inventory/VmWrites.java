package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/** Writes of VMs (create, deploy, power, vMotion, delete), inside the caller's write. */
final class VmWrites {
    private final InventoryStore inventory;
    private final VmStore vms;

    VmWrites(InventoryStore inventory, VmStore vms) {
        this.inventory = inventory;
        this.vms = vms;
    }

    VmRecord create(Handle h, long generation, VmSpec spec) {
        requireFreeName(h, spec.name());
        HostId host;
        if (spec.host().isPresent()) {
            HostRecord chosen = inventory.host(h, spec.host().get())
                    .orElseThrow(() -> ApiException.notFound("hostId", "host", spec.host().get()));
            if (!chosen.powerState().isOn()) {
                throw ApiException.conflict("hostId", "host " + chosen.id() + " is powered off");
            }
            host = chosen.id();
        } else {
            ClusterId cluster = spec.cluster().orElseThrow();
            inventory.cluster(h, cluster).orElseThrow(() -> ApiException.notFound("clusterId", "cluster", cluster));
            host = place(h, List.of(cluster), Set.of())
                    .orElseThrow(() -> ApiException.conflict("clusterId", "cluster " + cluster + " has no powered-on host"));
        }
        VmId id = insert(h, generation, spec.name(), host, spec.kind(), spec.powerState(), Optional.empty(), spec.vnics());
        return vms.vm(h, id).orElseThrow();
    }

    VmId deploy(Handle h, long generation, DeployVmSpec spec) {
        requireFreeName(h, spec.name());
        for (ClusterId cluster : spec.candidateClusters()) {
            inventory.cluster(h, cluster).orElseThrow(() -> ApiException.notFound("candidateClusters", "cluster", cluster));
        }
        HostId host = place(h, spec.candidateClusters(), spec.avoidHosts())
                .or(() -> place(h, spec.candidateClusters(), Set.of()))
                .orElseThrow(() -> ApiException.conflict("candidateClusters", "no powered-on host in cluster"
                        + (spec.candidateClusters().size() == 1 ? " " : "s ") + ComputeWrites.ids(spec.candidateClusters())));
        return insert(h, generation, spec.name(), host, spec.kind(), spec.powerState(), spec.dlr(), spec.vnics());
    }

    VmRecord setPower(Handle h, long generation, VmId id, PowerState power) {
        VmRecord vm = vms.vm(h, id).orElseThrow(() -> ApiException.notFound("id", "VM", id));
        if (vm.powerState() == power) {
            return vm;
        }
        if (power.isOn() && !inventory.host(h, vm.hostId()).orElseThrow().powerState().isOn()) {
            throw ApiException.conflict("id", "VM " + id + " is on host " + vm.hostId() + ", which is powered off;"
                    + " power the host on or migrate the VM first");
        }
        vms.setPower(h, id, power, generation);
        return vms.vm(h, id).orElseThrow();
    }

    /**
     * Moves the VM to another host. A running VM moves by vMotion, which needs a VMkernel port with
     * VMOTION on both hosts; a powered-off VM moves cold, over the management network. The move
     * must not put the VM beside a VM an anti-affinity rule keeps it apart from.
     */
    VmRecord migrate(Handle h, long generation, VmId id, HostId target) {
        VmRecord vm = vms.vm(h, id).orElseThrow(() -> ApiException.notFound("id", "VM", id));
        HostRecord to = inventory.host(h, target).orElseThrow(() -> ApiException.notFound("hostId", "host", target));
        if (vm.hostId().equals(target)) {
            return vm;
        }
        if (!to.powerState().isOn()) {
            throw ApiException.conflict("hostId", "host " + target + " is powered off");
        }
        if (vm.powerState().isOn()) {
            HostRecord from = inventory.host(h, vm.hostId()).orElseThrow();
            if (!from.carries(VmkernelService.VMOTION)) {
                throw ApiException.conflict("id", "VM " + id + " runs on host " + from.id()
                        + ", which has no VMkernel port with VMOTION, so it cannot be moved while powered on");
            }
            if (!to.carries(VmkernelService.VMOTION)) {
                throw ApiException.conflict("hostId", "host " + target + " has no VMkernel port with VMOTION,"
                        + " so a running VM cannot move to it");
            }
        }
        Map<VmId, AntiAffinityRuleId> partners = vms.partners(h, List.of(id)).getOrDefault(id, Map.of());
        for (var partner : partners.entrySet()) {
            VmRecord other = vms.vm(h, partner.getKey()).orElseThrow();
            if (other.hostId().equals(target)) {
                throw ApiException.conflict("hostId", "anti-affinity rule " + partner.getValue() + " keeps " + id + " and "
                        + other.id() + " on different hosts, and " + other.id() + " runs on host " + target);
            }
        }
        vms.moveVm(h, id, target, generation);
        return vms.vm(h, id).orElseThrow();
    }

    /**
     * Deletes the VM with its vNICs and rule memberships. Through the API a DLR's control VM is
     * refused: its DLR deployment owns it.
     */
    void delete(Handle h, VmId id, boolean refuseControlVms) {
        Optional<VmRecord> vm = vms.vm(h, id);
        if (vm.isEmpty()) {
            if (refuseControlVms) {
                throw ApiException.notFound("id", "VM", id);
            }
            return;
        }
        if (refuseControlVms && vm.get().dlr().isPresent()) {
            throw ApiException.inUse("id", "VM " + id + " is the control VM of DLR " + vm.get().dlr().get()
                    + "; it goes when the DLR is deleted");
        }
        vms.deleteVm(h, id);
    }

    /** The host {@link Placement} picks among the hosts of {@code clusters}. */
    Optional<HostId> place(Handle h, Collection<ClusterId> clusters, Set<HostId> excluded) {
        Map<HostId, Integer> counts = vms.vmCounts(h);
        List<Placement.Candidate> candidates = inventory.hostsOfClusters(h, clusters).stream()
                .map(host -> new Placement.Candidate(host.id(), host.powerState().isOn(), counts.getOrDefault(host.id(), 0)))
                .toList();
        return Placement.choose(candidates, excluded);
    }

    private VmId insert(Handle h, long generation, String name, HostId host, VmKind kind, PowerState power,
                        Optional<DlrId> dlr, List<VnicSpec> specs) {
        Set<MacAddress> requested = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            Optional<MacAddress> mac = specs.get(i).mac();
            if (mac.isPresent()) {
                String field = "vnics[" + i + "].mac";
                vms.vmWithMac(h, mac.get()).ifPresent(other -> {
                    throw ApiException.conflict(field, mac.get() + " is already a MAC of VM " + other);
                });
                inventory.hostWithRouterMac(h, mac.get()).ifPresent(owner -> {
                    throw ApiException.conflict(field, mac.get() + " is the router MAC of host " + owner
                            + ", the source of the frames its DLR instances route");
                });
                requested.add(mac.get());
            }
        }
        List<Vnic> vnics = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            VnicSpec spec = specs.get(i);
            MacAddress mac = spec.mac().isPresent() ? spec.mac().get() : MacAllocator.VNICS.next(h,
                    candidate -> requested.contains(candidate) || vms.vmWithMac(h, candidate).isPresent(), "vnics[" + i + "].mac");
            requested.add(mac);
            vnics.add(new Vnic(i, mac, spec.ip(), Optional.empty()));
        }
        VmId id = VmId.of(Store.nextId(h, "vm", "-"));
        vms.insertVm(h, new VmRecord(id, name, host, kind, power, dlr, vnics, generation));
        return id;
    }

    private void requireFreeName(Handle h, String name) {
        vms.vmNamed(h, name).ifPresent(other -> {
            throw ApiException.conflict("name", "VM " + other + " is already named '" + name + "'");
        });
    }
}
