package org.netweave.manager.inventory;

import static org.netweave.manager.api.RequestBodies.decode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.realization.RealizationService;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.VmId;

/**
 * The compute inventory's API: datacenters, clusters (with host preparation), hosts, IP pools,
 * VMs and anti-affinity rules. Each handler decodes, calls a service, encodes; the views add the
 * realised state of the hosts that hold the object.
 */
public final class InventoryRoutes implements ApiRoutes {
    private final InventoryService inventory;
    private final InventoryAdminService admin;
    private final RealizationService realization;

    public InventoryRoutes(InventoryService inventory, InventoryAdminService admin, RealizationService realization) {
        this.inventory = inventory;
        this.admin = admin;
        this.realization = realization;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/datacenters", "Create a datacenter", CreateDatacenterRequest.class, DatacenterView.class, 201,
                        ctx -> ctx.json(view(admin.createDatacenter(decode(ctx, CreateDatacenterRequest.class).toName()))))
                .list("/datacenters", "List datacenters", DatacenterView.class,
                        ctx -> ctx.json(inventory.datacenters().stream().map(this::view).toList()))
                .get("/datacenters/{id}", "Get a datacenter", DatacenterView.class,
                        ctx -> ctx.json(view(found(inventory.datacenter(id(ctx, DatacenterId::of)), "datacenter", ctx))))
                .delete("/datacenters/{id}", "Delete a datacenter; refused (409 in_use) while it holds clusters",
                        InventoryDeleteResult.class, ctx -> deleted(ctx, DatacenterId::of, admin::deleteDatacenter));

        api.post("/clusters", "Create a compute cluster", CreateClusterRequest.class, ClusterView.class, 201, ctx -> {
                    CreateClusterRequest request = decode(ctx, CreateClusterRequest.class);
                    ctx.json(view(admin.createCluster(request.toDatacenter(), request.toName())));
                })
                .list("/clusters", "List clusters, optionally of one datacenter (?datacenterId=)", ClusterView.class, ctx -> {
                    Optional<DatacenterId> datacenter = filter(ctx, "datacenterId", DatacenterId::of, "datacenter",
                            id -> inventory.datacenter(id).isPresent());
                    ctx.json(inventory.clusters(datacenter).stream().map(this::view).toList());
                })
                .get("/clusters/{id}", "Get a cluster", ClusterView.class,
                        ctx -> ctx.json(view(found(inventory.cluster(id(ctx, ClusterId::of)), "cluster", ctx))))
                .delete("/clusters/{id}", "Delete a cluster; refused (409 in_use) while it holds hosts or a transport zone"
                        + " or DLR names it", InventoryDeleteResult.class, ctx -> deleted(ctx, ClusterId::of, admin::deleteCluster))
                .post("/clusters/{id}/prepare", "Host preparation of every host of the cluster, now and as hosts join:"
                                + " a VTEP VMkernel port with an address from the pool and a router MAC each. All hosts or"
                                + " none (409 when the pool runs out); hosts already prepared stay as they are",
                        PrepareHostsRequest.class, ClusterView.class, 200, ctx -> ctx.json(view(admin.prepareCluster(
                                id(ctx, ClusterId::of), decode(ctx, PrepareHostsRequest.class).toPool()))));

        api.post("/hosts", "Add a host to a cluster", CreateHostRequest.class, HostView.class, 201,
                        ctx -> ctx.json(view(admin.createHost(decode(ctx, CreateHostRequest.class).toSpec()))))
                .list("/hosts", "List hosts, optionally of one cluster (?clusterId=)", HostView.class, ctx -> {
                    Optional<ClusterId> cluster = filter(ctx, "clusterId", ClusterId::of, "cluster",
                            id -> inventory.cluster(id).isPresent());
                    ctx.json(inventory.hosts(cluster).stream().map(this::view).toList());
                })
                .get("/hosts/{id}", "Get a host", HostView.class,
                        ctx -> ctx.json(view(found(inventory.host(id(ctx, HostId::of)), "host", ctx))))
                .delete("/hosts/{id}", "Remove a host; refused (409 in_use) while VMs are on it", InventoryDeleteResult.class,
                        ctx -> deleted(ctx, HostId::of, admin::deleteHost))
                .post("/hosts/{id}/prepare", "Host preparation of one host; a prepared host stays as it is",
                        PrepareHostsRequest.class, HostView.class, 200, ctx -> ctx.json(view(admin.prepareHost(
                                id(ctx, HostId::of), decode(ctx, PrepareHostsRequest.class).toPool()))))
                .post("/hosts/{id}/power-on", "Power a host on", null, HostView.class, 200,
                        ctx -> ctx.json(view(admin.setHostPower(id(ctx, HostId::of), PowerState.POWERED_ON))))
                .post("/hosts/{id}/power-off", "Power a host off; refused (409 in_use) while a powered-on VM runs on it",
                        null, HostView.class, 200,
                        ctx -> ctx.json(view(admin.setHostPower(id(ctx, HostId::of), PowerState.POWERED_OFF))));

        api.post("/ip-pools", "Create an IP pool for VTEP addresses", CreateIpPoolRequest.class, IpPoolView.class, 201,
                        ctx -> ctx.json(view(admin.createIpPool(decode(ctx, CreateIpPoolRequest.class).toSpec()), inventory.addressesInUse())))
                .list("/ip-pools", "List IP pools", IpPoolView.class, ctx -> {
                    Set<Ipv4Address> used = inventory.addressesInUse();
                    ctx.json(inventory.ipPools().stream().map(pool -> view(pool, used)).toList());
                })
                .get("/ip-pools/{id}", "Get an IP pool", IpPoolView.class, ctx -> ctx.json(view(
                        found(inventory.ipPool(id(ctx, IpPoolId::of)), "IP pool", ctx), inventory.addressesInUse())))
                .delete("/ip-pools/{id}", "Delete an IP pool; refused (409 in_use) while a prepared cluster takes addresses"
                        + " from it", InventoryDeleteResult.class, ctx -> deleted(ctx, IpPoolId::of, admin::deleteIpPool));

        api.post("/vms", "Create a VM on a host, or in a cluster where the manager places it", CreateVmRequest.class,
                        VmView.class, 201, ctx -> ctx.json(view(admin.createVm(decode(ctx, CreateVmRequest.class).toSpec()))))
                .list("/vms", "List VMs, optionally on one host (?hostId=) and of one kind (?kind=WORKLOAD|CONTROL_VM)",
                        VmView.class, ctx -> {
                            Optional<HostId> host = filter(ctx, "hostId", HostId::of, "host", id -> inventory.host(id).isPresent());
                            Optional<VmKind> kind = Optional.ofNullable(ctx.queryParam("kind"))
                                    .map(text -> RequestFields.enumValue("kind", text, VmKind.class));
                            ctx.json(inventory.vms(host, kind).stream().map(this::view).toList());
                        })
                .get("/vms/{id}", "Get a VM", VmView.class, ctx -> ctx.json(view(found(inventory.vm(id(ctx, VmId::of)), "VM", ctx))))
                .delete("/vms/{id}", "Delete a VM; a DLR's control VM is refused (409 in_use)", InventoryDeleteResult.class,
                        ctx -> deleted(ctx, VmId::of, admin::deleteVm))
                .post("/vms/{id}/power-on", "Power a VM on; its host must be powered on", null, VmView.class, 200,
                        ctx -> ctx.json(view(admin.setVmPower(id(ctx, VmId::of), PowerState.POWERED_ON))))
                .post("/vms/{id}/power-off", "Power a VM off", null, VmView.class, 200,
                        ctx -> ctx.json(view(admin.setVmPower(id(ctx, VmId::of), PowerState.POWERED_OFF))))
                .post("/vms/{id}/migrate", "Move a VM to another host (vMotion when it runs)", MigrateVmRequest.class,
                        VmView.class, 200, ctx -> ctx.json(view(admin.migrateVm(id(ctx, VmId::of),
                                decode(ctx, MigrateVmRequest.class).toHost()))));

        api.post("/anti-affinity-rules", "Create an anti-affinity rule; VMs that share a host are moved apart",
                        CreateAntiAffinityRuleRequest.class, AntiAffinityRuleView.class, 201, ctx -> {
                            CreateAntiAffinityRuleRequest request = decode(ctx, CreateAntiAffinityRuleRequest.class);
                            ctx.json(view(admin.createAntiAffinityRule(request.toName(), request.toVms())));
                        })
                .list("/anti-affinity-rules", "List anti-affinity rules", AntiAffinityRuleView.class,
                        ctx -> ctx.json(inventory.antiAffinityRules().stream().map(this::view).toList()))
                .get("/anti-affinity-rules/{id}", "Get an anti-affinity rule", AntiAffinityRuleView.class, ctx -> ctx.json(
                        view(found(inventory.antiAffinityRule(id(ctx, AntiAffinityRuleId::of)), "anti-affinity rule", ctx))))
                .delete("/anti-affinity-rules/{id}", "Delete an anti-affinity rule", InventoryDeleteResult.class,
                        ctx -> deleted(ctx, AntiAffinityRuleId::of, admin::deleteAntiAffinityRule));
    }

    // ---- encode: each view with the realised state of the hosts that hold the object ----

    private DatacenterView view(DatacenterRecord datacenter) {
        return DatacenterView.of(datacenter, realization.of(datacenter.generation(), List.of()));
    }

    private ClusterView view(ClusterRecord cluster) {
        return ClusterView.of(cluster, realization.of(cluster.generation(), cluster.hosts()));
    }

    private HostView view(HostRecord host) {
        return HostView.of(host, realization.of(host.generation(), List.of(host.id())));
    }

    private IpPoolView view(IpPoolRecord pool, Set<Ipv4Address> used) {
        return IpPoolView.of(pool, IpPoolAllocator.allocated(pool, used), realization.of(pool.generation(), List.of()));
    }

    private VmView view(VmRecord vm) {
        return VmView.of(vm, realization.of(vm.generation(), List.of(vm.hostId())));
    }

    private AntiAffinityRuleView view(AntiAffinityRuleRecord rule) {
        return AntiAffinityRuleView.of(rule, realization.of(rule.generation(), inventory.hostsOf(rule.vms())));
    }

    // ---- decode helpers ----

    private static <T> T id(Context ctx, Function<String, T> of) {
        return RequestFields.id("id", ctx.pathParam("id"), of);
    }

    private static <T> T found(Optional<T> value, String kind, Context ctx) {
        return value.orElseThrow(() -> ApiException.notFound("id", kind, ctx.pathParam("id")));
    }

    /** A query filter naming another object; an unknown one is a 404 naming the parameter, not an empty list. */
    private static <T> Optional<T> filter(Context ctx, String parameter, Function<String, T> of, String kind,
                                          Predicate<T> exists) {
        Optional<T> id = RequestFields.optionalId(parameter, ctx.queryParam(parameter), of);
        id.ifPresent(value -> {
            if (!exists.test(value)) {
                throw ApiException.notFound(parameter, kind, value);
            }
        });
        return id;
    }

    private static <T> void deleted(Context ctx, Function<String, T> of, ToLongFunction<T> delete) {
        T id = id(ctx, of);
        ctx.json(new InventoryDeleteResult(id.toString(), delete.applyAsLong(id)));
    }
}
