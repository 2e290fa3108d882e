package org.netweave.manager;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.ApiServer;
import org.netweave.manager.auth.ApiGate;
import org.netweave.manager.auth.ApiTokens;
import org.netweave.manager.auth.TokenRoutes;
import org.netweave.manager.certificates.CertificateRoutes;
import org.netweave.manager.certificates.RevocationPublisher;
import org.netweave.manager.certificates.StreamCertificates;
import org.netweave.manager.console.WebConsole;
import org.netweave.manager.controllers.ControllerFleet;
import org.netweave.manager.controllers.ControllerRoutes;
import org.netweave.manager.controllers.ControllerService;
import org.netweave.manager.dlr.ControlVmBoot;
import org.netweave.manager.dlr.ControlVmFailover;
import org.netweave.manager.dlr.ControlVmLauncher;
import org.netweave.manager.dlr.DlrDeployment;
import org.netweave.manager.dlr.DlrSync;
import org.netweave.manager.dlr.DlrUndeployment;
import org.netweave.manager.dlr.InProcessControlVmLauncher;
import org.netweave.manager.dlr.InventoryControlVmCompute;
import org.netweave.manager.dlr.JobDlrLifecycle;
import org.netweave.manager.hosttables.HostTablesSource;
import org.netweave.manager.inventory.InventoryAdminService;
import org.netweave.manager.inventory.InventoryConfig;
import org.netweave.manager.inventory.InventoryRoutes;
import org.netweave.manager.inventory.InventoryService;
import org.netweave.manager.jobs.JobRoutes;
import org.netweave.manager.jobs.JobRunner;
import org.netweave.manager.metrics.ManagerMetrics;
import org.netweave.manager.network.NetworkApi;
import org.netweave.manager.neutron.NeutronAgentService;
import org.netweave.manager.neutron.NeutronApi;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.southbound.ControlVmService;
import org.netweave.manager.southbound.ControllerWriters;
import org.netweave.manager.southbound.DvrAgentService;
import org.netweave.manager.southbound.HostConfigService;
import org.netweave.manager.southbound.LogicalSwitchSync;
import org.netweave.manager.southbound.SouthboundServer.Southbound;
import org.netweave.manager.southbound.SouthboundServer;
import org.netweave.manager.store.Database;
import org.netweave.manager.store.Store;
import org.netweave.manager.traceflow.TraceflowChannelService;
import org.netweave.manager.traceflow.TraceflowRoutes;
import org.netweave.manager.traceflow.Traceflows;
import org.netweave.model.ControllerId;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager as one component: the store, the API, the jobs, the southbound channels and the
 * reconcilers, started in dependency order and closed in reverse. Unfinished jobs of an earlier
 * run resume once everything is up.
 */
public final class Manager implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Manager.class);
    public static final String VERSION = "0.1.0";

    private final List<AutoCloseable> started = new ArrayList<>();
    private Store store;
    private ApiServer api;
    private SouthboundServer southbound;
    /** Where under the data directory the certificate authority keeps its files. */
    public static final String PKI_DIR = "pki";
    /**
     * The certificate the embedded controllers' ZooKeeper peers present to each other and to the
     * controller nodes' sessions. They share one JVM, and ZooKeeper's TLS settings are per JVM.
     */
    public static final ComponentIdentity EMBEDDED_ZOOKEEPER = ComponentIdentity.controller(ControllerId.of("zookeeper"));
    private CertificateAuthority authority;
    private final Map<ComponentIdentity, TransportSecurity> transports = new ConcurrentHashMap<>();
    private RealizationService realization;
    private HostConfigService hostConfigs;
    private ControlVmService controlVms;
    private JobRunner jobs;
    private ManagerMetrics metrics;
    private List<ApiRoutes> routes = List.of();
    private ControlVmLauncher launcher;
    private HostTablesSource hostTables = HostTablesSource.NONE;

    private Manager() {
    }

    /**
     * Starts a manager.
     *
     * @param fleet where controller nodes come from; the manager closes it
     */
    public static Manager start(ManagerSettings settings, ControllerFleet fleet) throws IOException {
        return start(settings, fleet, ManagerExtensions.NONE);
    }

    /**
     * Starts a manager with what its hosting process adds.
     *
     * @param fleet where controller nodes come from; the manager closes it
     */
    public static Manager start(ManagerSettings settings, ControllerFleet fleet, ManagerExtensions extensions)
            throws IOException {
        Manager manager = new Manager();
        try {
            manager.startAll(settings, fleet, extensions);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    private void startAll(ManagerSettings settings, ControllerFleet fleet, ManagerExtensions extensions)
            throws IOException {
        keep(fleet); // owned from the first line, so a failed start closes it too
        this.hostTables = extensions.hostTables();
        Clock clock = Clock.systemUTC();
        Database database = settings.jdbcUrl().isPresent()
                ? Database.open(settings.jdbcUrl().get(), settings.dbUser(), settings.dbPassword())
                : Database.h2File(settings.dataDir());
        store = keep(new Store(database));
        // The authority first: every gRPC server and channel of the platform is mutual TLS under it.
        authority = CertificateAuthority.openOrCreate(settings.dataDir().resolve(PKI_DIR));
        TransportSecurity own = transportFor(ComponentIdentity.manager());
        fleet.secure(id -> transportFor(ComponentIdentity.controller(id)),
                () -> PeerGroupTls.ofOne(authority.credentialsFor(EMBEDDED_ZOOKEEPER), authority.revocations()));
        realization = new RealizationService();
        jobs = keep(new JobRunner(store, clock));
        metrics = new ManagerMetrics();
        realization.onRealized(metrics::realized);
        jobs.onFinished((kind, outcome, nanos) -> metrics.jobFinished(kind, outcome.name(), nanos));

        HostConfigService[] configs = new HostConfigService[1];
        LogicalSwitchSync[] switches = new LogicalSwitchSync[1];
        ControllerService controllers = new ControllerService(store, jobs, fleet, clock, settings.controllerSettle(), () -> {
            configs[0].wake();
            switches[0].resync();
        });
        ControllerWriters writers = keep(new ControllerWriters(controllers::hostAddresses, settings.controllerWrites(), own));
        hostConfigs = keep(new HostConfigService(store, realization, controllers::hostAddresses));
        hostConfigs.certificates.revokedBy(authority.revocations()::isRevoked);
        hostConfigs.publishRevocations(authority.revocations()::all);
        authority.revocations().onRevoked(hostConfigs::certificateRevoked);
        // Follows the host configurations from the first, so started before them.
        switches[0] = keep(new LogicalSwitchSync(store, writers, hostConfigs).start());
        hostConfigs.start();
        hostConfigs.onCounters(metrics::hostCounters);
        metrics.controllers(controllers::list);
        configs[0] = hostConfigs;
        controlVms = new ControlVmService();
        TraceflowChannelService traceflowChannel = new TraceflowChannelService();
        NeutronAgentService neutronAgents = keep(new NeutronAgentService(store)).start();
        // Every long-lived stream of a revoked certificate ends at once, not at its next handshake.
        for (StreamCertificates streams : List.of(controlVms.certificates, traceflowChannel.certificates,
                neutronAgents.certificates)) {
            streams.revokedBy(authority.revocations()::isRevoked);
        }
        authority.revocations().onRevoked(controlVms::certificateRevoked);
        authority.revocations().onRevoked(traceflowChannel::certificateRevoked);
        authority.revocations().onRevoked(neutronAgents::certificateRevoked);
        // Controllers in processes of their own hear of every revocation too.
        keep(new RevocationPublisher(controllers::hostAddresses, writers.channels(), authority.revocations()));
        southbound = keep(SouthboundServer.start(settings.bindAddress(), settings.southboundPort(), own,
                Southbound.forHosts(hostConfigs), Southbound.forControlVms(controlVms), Southbound.forHosts(traceflowChannel),
                Southbound.forHosts(new DvrAgentService(new InventoryService(store))), Southbound.forHosts(neutronAgents)));
        launcher = keep(new InProcessControlVmLauncher(settings.bindAddress() + ":" + southbound.port(),
                settings.controllerWrites(), vm -> transportFor(ComponentIdentity.controlVm(vm.value()))));

        InventoryService inventory = new InventoryService(store);
        InventoryAdminService inventoryAdmin = new InventoryAdminService(store, InventoryConfig.DEFAULTS);
        InventoryControlVmCompute compute = new InventoryControlVmCompute(inventoryAdmin);
        NetworkApi network = new NetworkApi(store, realization, new JobDlrLifecycle(jobs, clock));
        jobs.register(new DlrDeployment(store, compute, launcher, controlVms, hostConfigs, realization, writers,
                settings.dlrTimeouts()));
        jobs.register(new DlrUndeployment(store, compute, launcher, controlVms, writers));
        DlrSync dlrSync = keep(new DlrSync(store, writers, controlVms, settings.dlrTimeouts().controlVmHa()).start());
        jobs.register(new ControlVmFailover(store, jobs, controlVms, dlrSync, clock, settings.dlrTimeouts().hostsApply()));

        List<ApiRoutes> routes = new ArrayList<>();
        routes.add(new ControllerRoutes(controllers));
        routes.add(new InventoryRoutes(inventory, inventoryAdmin, realization));
        routes.addAll(network.routes());
        routes.add(new JobRoutes(store));
        routes.add(new CertificateRoutes(authority));
        routes.add(new org.netweave.manager.views.ControllerTableRoutes(new org.netweave.manager.views.ControllerTableViews(
                store, controllers, network.dlrs(), writers.channels())));
        routes.add(new org.netweave.manager.views.HostTableRoutes(
                new org.netweave.manager.views.HostTableViews(inventory, hostTables)));
        routes.add(new TraceflowRoutes(keep(new Traceflows(
                inventory, network.dlrs(), network.vnics(), traceflowChannel, clock))));
        routes.addAll(extensions.extraRoutes().apply(this));
        ApiTokens tokens = new ApiTokens(store, clock);
        if (settings.apiAuth()) {
            routes.add(new TokenRoutes(tokens));
        }
        this.routes = List.copyOf(routes);
        // Everything an earlier run left is picked up before the API takes new work.
        controllers.adoptFleet();
        ControlVmBoot.powerOnAll(store, launcher);
        jobs.resumeUnfinished();
        NeutronApi neutron = new NeutronApi(store, network.logicalSwitchAdmin(),
                settings.neutronTransportZone());
        if (settings.apiAuth()) {
            tokens.bootstrap(settings.dataDir());
        } else {
            LOG.warn("API authentication is OFF: anyone who reaches {}:{} may change anything (lab use only)",
                    settings.bindAddress(), settings.apiPort() == 0 ? "its port" : settings.apiPort());
        }
        api = keep(ApiServer.start(settings.bindAddress(), settings.apiPort(), routes, List.of(neutron),
                plainEndpoints(), metrics.requestLogger(),
                new ApiGate(settings.apiAuth() ? tokens : null, settings.rateLimit())::check, VERSION));
        LOG.info("manager up: API http://{}:{}/api/v1 (Neutron at /v2.0), southbound {}:{}, store at generation {}",
                settings.bindAddress(), api.port(), settings.bindAddress(), southbound.port(), store.generation());
    }

    /** Served outside every API: Prometheus's {@code /metrics} and the web console at {@code /ui}. */
    private List<io.javalin.router.Endpoint> plainEndpoints() {
        List<io.javalin.router.Endpoint> plain = new ArrayList<>(new WebConsole().endpoints());
        plain.add(metrics.endpoint());
        return plain;
    }

    private <T extends AutoCloseable> T keep(T component) {
        started.add(component);
        return component;
    }

    public int apiPort() {
        return api.port();
    }

    /** The certificate authority of the platform, which this manager runs. */
    public CertificateAuthority certificateAuthority() {
        return authority;
    }

    /**
     * How {@code component} talks to this manager and its controllers: mutual TLS with the
     * certificate this manager's authority issued it (made on first use, kept in the data directory).
     */
    public TransportSecurity transportFor(ComponentIdentity component) {
        // One per component while its certificate stands: every channel a host opens asks again.
        return transports.compute(component, (who, known) -> known instanceof TransportSecurity.MutualTls tls
                && authority.stillHeld(tls.own().certificate())
                ? known : TransportSecurity.mutualTls(authority.credentialsFor(who), authority.revocations()));
    }

    /** host:port of the gRPC endpoint host agents and control VMs connect to. */
    public int southboundPort() {
        return southbound.port();
    }

    /** Every resource family the API serves. */
    public List<ApiRoutes> apiRoutes() {
        return routes;
    }

    public Store store() {
        return store;
    }

    public RealizationService realization() {
        return realization;
    }

    public HostConfigService hostConfigs() {
        return hostConfigs;
    }

    /** The control VMs' guests in this JVM (the all-in-one mode), for operator commands and tests. */
    public ControlVmLauncher controlVmLauncher() {
        return launcher;
    }

    /** Where host views read a host's datapath tables. */
    public HostTablesSource hostTables() {
        return hostTables;
    }

    public ControlVmService controlVms() {
        return controlVms;
    }

    @Override
    public void close() {
        // Jobs first: a step must not run on against components that are already gone.
        if (jobs != null) {
            jobs.close();
        }
        for (AutoCloseable component : started.reversed()) {
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
