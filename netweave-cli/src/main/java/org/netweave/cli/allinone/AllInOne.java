package org.netweave.cli.allinone;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.netweave.cli.api.ApiCredentials;
import org.netweave.cli.api.ManagerApi;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerExtensions;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.dlr.DlrDeployment;
import org.netweave.manager.inventory.InventoryService;
import org.netweave.model.InvalidValueException;
import org.netweave.pki.ComponentIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one JVM ({@code netweave run}): three controllers with an embedded
 * three-peer ZooKeeper ensemble, the manager with its H2 file store and REST API, and emulated
 * hosts, each a datapath with a host agent, sharing a top-of-rack switch; or, with the ovs
 * datapath, hosts on real Open vSwitch in network namespaces ({@link OvsHypervisors}). The controllers and the
 * compute inventory are created through the manager's API, as an operator would; the processes
 * talk gRPC over loopback exactly as separate daemons would.
 *
 * <p>Started in dependency order and closed in reverse: guests, host agents and datapaths, then
 * the manager, which closes the controllers.
 */
public final class AllInOne implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);
    private static final Duration DLR_STEP = Duration.ofSeconds(60);

    private final AllInOneSettings settings;
    private final LabHypervisors hypervisors;
    private EmbeddedControllerFleet fleet;
    private Manager manager;
    private ManagerApi api;
    private Optional<String> apiToken = Optional.empty();
    private Path publishedToken;
    private List<LabHost> hosts = List.of();
    private volatile LabGuests guests;
    private boolean managerOwnsFleet;

    private AllInOne(AllInOneSettings settings) {
        this.settings = settings;
        this.hypervisors = switch (settings.datapath()) {
            case emulated -> new EmulatedHypervisors(settings);
            case ovs -> new OvsHypervisors(settings);
        };
    }

    /**
     * Starts everything and builds the controller cluster and the compute inventory.
     *
     * @throws InvalidValueException when {@code dataDir} holds an earlier run's store, or the ovs
     *                               backend cannot run here (the message says what is missing)
     */
    public static AllInOne start(AllInOneSettings settings) throws IOException {
        if (settings.datapath() == LabDatapath.ovs) {
            String why = OvsHypervisors.whyUnavailable();
            if (why != null) {
                throw new InvalidValueException("datapath", "ovs", "cannot run here: " + why);
            }
        }
        Path managerDir = settings.dataDir().resolve("manager");
        if (Files.exists(managerDir.resolve("netweave.mv.db"))) {
            throw new InvalidValueException("data-dir", settings.dataDir(),
                    "holds an earlier run's store; the all-in-one starts from an empty one (remove it, or pass --reset)");
        }
        AllInOne lab = new AllInOne(settings);
        try {
            lab.startAll(managerDir);
        } catch (IOException | RuntimeException e) {
            // An interrupted start (Ctrl-C) closes without the interrupt, then passes it on.
            boolean interrupted = Thread.interrupted();
            lab.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return lab;
    }

    private void startAll(Path managerDir) throws IOException {
        fleet = EmbeddedControllerFleet.create(settings.dataDir().resolve("controllers"), settings.zkTuning(),
                settings.zkSession());
        ManagerSettings managerSettings = ManagerSettings.local(managerDir).withApiPort(settings.apiPort())
                .withDlrTimeouts(new DlrDeployment.Timeouts(DLR_STEP, DLR_STEP, DLR_STEP, settings.controlVmHa()));
        if (!settings.apiAuth()) {
            managerSettings = managerSettings.withoutApiAuth();
        }
        // From here the manager owns the fleet and closes it, even when its start fails.
        managerOwnsFleet = true;
        manager = Manager.start(managerSettings, fleet,
                new ManagerExtensions(hypervisors, started -> List.of(
                        new GuestRoutes(() -> guests, new InventoryService(started.store())))));
        if (settings.apiAuth()) {
            // The manager wrote its first administrator token there; the CLI beside the lab finds a copy in ~/.netweave.
            Path tokenFile = managerDir.resolve(ApiCredentials.TOKEN_FILE);
            apiToken = Optional.of(Files.readString(tokenFile).strip());
            publishedToken = ApiCredentials.publish(apiUrl(), apiToken.get());
            settings.progress().accept("API token (enterprise_admin) in " + tokenFile + "; the CLI reads it from "
                    + publishedToken);
        } else {
            settings.progress().accept("API authentication is OFF (--insecure-no-auth): lab use only");
        }
        api = new ManagerApi(apiUrl(), apiToken);
        settings.progress().accept("manager up: API " + apiUrl());
        hosts = LabInventory.build(api, settings);
        hypervisors.start(hosts, manager.southboundPort(), host -> manager.transportFor(ComponentIdentity.host(host)),
                settings.vxlanPort());
        settings.progress().accept(hosts.size() + " " + settings.datapath().hostsLabel() + " up, each with its host agent");
        guests = new LabGuests(api, hypervisors, manager.store());
        LOG.info("all-in-one up: {} hosts, API {}", hosts.size(), apiUrl());
    }

    /** Builds the seeds' topology through the API (see {@link SeedScenario}). */
    public SeedScenario.Built buildSeedScenario() {
        return SeedScenario.build(api, hosts, hypervisors, settings);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + manager.apiPort() + "/api/v1";
    }

    public ManagerApi api() {
        return api;
    }

    /** The enterprise administrator token the manager made on its first start; empty with --insecure-no-auth. */
    public Optional<String> apiToken() {
        return apiToken;
    }

    public Manager manager() {
        return manager;
    }

    public EmbeddedControllerFleet controllers() {
        return fleet;
    }

    public List<LabHost> hosts() {
        return hosts;
    }

    /** The emulated hypervisors, whose datapaths tests look into. */
    public EmulatedHypervisors hypervisors() {
        if (hypervisors instanceof EmulatedHypervisors emulated) {
            return emulated;
        }
        throw new IllegalStateException("the lab runs on " + settings.datapath() + ", not on emulated hypervisors");
    }

    /** The hypervisors on Open vSwitch, whose switches and namespaces tests look into. */
    public OvsHypervisors ovsHypervisors() {
        if (hypervisors instanceof OvsHypervisors ovs) {
            return ovs;
        }
        throw new IllegalStateException("the lab runs on " + settings.datapath() + ", not on Open vSwitch");
    }

    public LabGuests guests() {
        return guests;
    }

    @Override
    public void close() {
        LabGuests running = guests;
        // Unpublished first: from now on the ping route answers 503 instead of using closing hosts.
        guests = null;
        if (running != null) {
            running.close();
        }
        hypervisors.close();
        if (publishedToken != null) {
            try {
                Files.deleteIfExists(publishedToken);
            } catch (IOException e) {
                LOG.warn("could not remove the published API token {}: {}", publishedToken, e.toString());
            }
        }
        if (manager != null) {
            manager.close();
        } else if (fleet != null && !managerOwnsFleet) {
            fleet.close();
        }
        LOG.info("all-in-one stopped");
    }
}
