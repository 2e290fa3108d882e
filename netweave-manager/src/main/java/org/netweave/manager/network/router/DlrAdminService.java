package org.netweave.manager.network.router;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.dlr.DlrLifecycle;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.store.Store;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.JobId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/**
 * Creates DLRs and has them removed. Creating is seed 000 step 1, "receive the call": one write
 * checks the whole request, stores the DLR (DEPLOYING), its LIFs and routes, and starts the
 * deployment job through {@link DlrLifecycle}; a failed check stores nothing and starts no job.
 */
public final class DlrAdminService {
    private final Store store;
    private final DlrLifecycle lifecycle;

    public DlrAdminService(Store store, DlrLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    public DlrJobAccepted create(DlrRequest request) {
        return store.write((handle, generation) -> {
            String name = Fields.name("name", request.name(), Fields.MAX_NAME);
            String tenant = DlrRules.tenant(request.tenant());
            DlrControlVmRequest controlVm = Fields.required("controlVm", request.controlVm());
            boolean ha = Fields.required("controlVm.haEnabled", controlVm.haEnabled());
            ClusterId cluster = controlVm.clusterId() == null ? null
                    : Fields.id("controlVm.clusterId", controlVm.clusterId(), ClusterId::of);
            List<LifSpec> specs = LifRules.parseAll(request.interfaces());
            List<StaticRoute> routes = RouteRules.parseAll(request.staticRoutes());
            StaticRoute defaultRoute = RouteRules.parseDefault(request.defaultRoute());
            LifRules.requireSwitchLif(specs);

            DlrStore.idByName(handle, name).ifPresent(other -> {
                throw ApiException.conflict("name", "DLR " + other + " is already named '" + name + "'");
            });
            var switches = LifStore.switchFacts(handle,
                    specs.stream().map(LifSpec::logicalSwitch).filter(Objects::nonNull).toList());
            var vlans = LifStore.vlanOwners(handle, specs.stream().map(LifSpec::vlan).filter(Objects::nonNull).toList());
            TransportZoneId zone = LifRules.checkNetworks(null, null, specs, switches, vlans);
            if (cluster != null) {
                DlrRules.checkApplianceCluster(cluster,
                        !TransportZoneStore.existingClusters(handle, List.of(cluster)).isEmpty(), zone,
                        TransportZoneStore.clusters(handle, zone));
            }
            Map<LogicalSwitchId, Vni> vnis = new HashMap<>();
            switches.values().forEach(facts -> vnis.put(facts.id(), facts.vni()));
            List<Lif> lifs = LifRules.assign(List.of(), specs, vnis, generation);
            RouteRules.check(lifs, routes, defaultRoute);

            DlrId id = DlrId.of(Store.nextId(handle, "edge", "-"));
            // transport_zone_id stays null: the deployment job sets it when it finds the zone (step 5).
            DlrStore.insert(handle, new DlrConfig(id, name, tenant, ha, cluster, null, DlrState.DEPLOYING, false, false,
                    null, List.of(), List.of(), null, List.of(), generation));
            lifs.forEach(lif -> LifStore.insert(handle, id, lif));
            RouteStore.replace(handle, id, routes, defaultRoute, generation);
            JobId job = lifecycle.deploy(handle, generation, id);
            return new DlrJobAccepted(id.value(), job.value(), generation);
        }).value();
    }

    /** Starts the job that takes the DLR off hosts, controllers and the inventory and then deletes it. */
    public DlrJobAccepted undeploy(DlrId id) {
        return store.write((handle, generation) -> {
            DlrConfig dlr = DlrService.find(handle, id);
            DlrRules.checkUndeployable(dlr, DlrStore.activeJobs(handle, id));
            JobId job = lifecycle.undeploy(handle, generation, id);
            return new DlrJobAccepted(id.value(), job.value(), generation);
        }).value();
    }
}
