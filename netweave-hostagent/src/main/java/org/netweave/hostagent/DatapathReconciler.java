package org.netweave.hostagent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

import org.netweave.controller.client.HostSession;
import org.netweave.controller.client.HostSession.VniBindings;
import org.netweave.dataplane.ArpResolver;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.DatapathChange;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.VniTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host agent's reconciler into the datapath (OVN's {@code ofctrl}): joins the VNIs the host
 * needs at their owners with the host's bindings, translates the configuration and the owners'
 * tables into the wanted tables, and applies only the difference from what it installed. After a
 * new session, a manager reconnect or a failed step it resyncs fully, and again when the control
 * plane comes back in sync.
 *
 * <p>Headless: the owners' tables are kept when the session loses them, so with every controller
 * gone the datapath keeps what it has and goes on forwarding; only the configuration can take
 * entries away then.
 *
 * <p>Runs on the follower thread only; {@link #installed()} may be read from any thread.
 */
final class DatapathReconciler implements HostRealizer {
    private static final Logger LOG = LoggerFactory.getLogger(DatapathReconciler.class);

    private final Datapath datapath;
    private final Map<Vni, VniTables> vniTables = new HashMap<>();
    private final Map<DlrId, DlrState> dlrStates = new HashMap<>();
    private final Map<Vni, VniBindings> joined = new HashMap<>();
    private HostSession joinedOn;
    private boolean wasInSync;
    private volatile DatapathDesired installed = DatapathDesired.EMPTY;

    private final OwnerArpResolver arpResolver = new OwnerArpResolver();
    private final Supplier<NeutronRouting> neutron;

    DatapathReconciler(Datapath datapath) {
        this(datapath, () -> NeutronRouting.NONE);
    }

    /** @param neutron what the host's Neutron agents hold now; added to every configuration */
    DatapathReconciler(Datapath datapath, Supplier<NeutronRouting> neutron) {
        this.datapath = datapath;
        this.neutron = neutron;
        datapath.setArpResolver(arpResolver);
    }

    /** Takes the resolver off the datapath: a closed agent asks no owner. */
    void detach() {
        datapath.setArpResolver(ArpResolver.NONE);
    }

    /** Where the datapath's ARP suppression asks the owners. */
    OwnerArpResolver arpResolver() {
        return arpResolver;
    }

    /** What the reconciler last installed in the datapath. */
    DatapathDesired installed() {
        return installed;
    }

    @Override
    public boolean realize(HostDesiredState desired, Optional<HostSession> session, boolean fullResync) {
        desired.vtep().filter(vtep -> !vtep.equals(datapath.config().vtepIp())).ifPresent(vtep -> {
            throw new InvalidValueException("vtepIp", vtep, "is not the datapath's VTEP " + datapath.config().vtepIp());
        });
        arpResolver.use(session);
        session.ifPresent(s -> {
            vniTables.putAll(s.vniTables());
            dlrStates.putAll(s.dlrStates());
        });
        dlrStates.keySet().retainAll(desired.dlrs());
        // Neutron's routers and ports come from the agents, not from the owners: added after the owners' states.
        NeutronRouting agents = neutron.get();
        HostDesiredState effective = agents.onto(desired);
        Map<DlrId, DlrState> allStates = agents.withRouters(dlrStates);
        SortedMap<Vni, VniBindings> wanted = VniJoins.of(effective, allStates, bridgedMacs());
        vniTables.keySet().retainAll(wanted.keySet());
        session.ifPresent(s -> join(s, wanted));

        boolean inSync = session.isPresent() && session.get().isSettled()
                && session.get().dlrStates().keySet().containsAll(desired.dlrs())
                && session.get().vniTables().keySet().containsAll(wanted.keySet());
        boolean resync = fullResync || inSync && !wasInSync;
        if (inSync != wasInSync) {
            LOG.atInfo().setMessage("{}: control plane {}").addArgument(desired.host())
                    .addArgument(inSync ? "in sync" : "out of sync; forwarding with the installed tables")
                    .addKeyValue("event", inSync ? "control-plane-in-sync" : "control-plane-out-of-sync")
                    .addKeyValue("host", desired.host().value()).log();
        }
        wasInSync = inSync;

        DatapathDesired target = DatapathDesired.from(effective, agents.withStaticArps(vniTables), allStates);
        List<DatapathChange> changes = resync ? DatapathDiff.resync(installed, target) : DatapathDiff.between(installed, target);
        if (!changes.isEmpty()) {
            datapath.apply(changes);
            LOG.debug("{}: {} {} datapath changes for generation {}", desired.host(), resync ? "resynced with" : "applied",
                    changes.size(), desired.generation());
        }
        installed = target;
        return inSync;
    }

    /**
     * The MACs the bridge instances on this host learned on their VLAN side, by VNI: read from the
     * datapath, since only traffic teaches them. Empty (and free) on a host that bridges nothing.
     */
    private Map<Vni, Set<MacAddress>> bridgedMacs() {
        if (installed.bridges().isEmpty()) {
            return Map.of();
        }
        Map<Vni, Set<MacAddress>> bridged = new HashMap<>();
        DatapathTables tables = datapath.tables();
        for (Bridge bridge : installed.bridges().values()) {
            tables.findLogicalSwitch(bridge.vni().value()).ifPresent(table -> table.macs().stream()
                    .filter(entry -> entry.location() == DatapathTables.MacLocation.VLAN)
                    .forEach(entry -> bridged.computeIfAbsent(bridge.vni(), v -> new HashSet<>()).add(entry.mac())));
        }
        return bridged;
    }

    /** Joins what is newly wanted or whose bindings changed; everything again on a new session. */
    private void join(HostSession session, SortedMap<Vni, VniBindings> wanted) {
        if (session != joinedOn) {
            joined.clear();
            joinedOn = session;
        }
        wanted.forEach((vni, bindings) -> {
            if (!bindings.equals(joined.get(vni))) {
                session.joinVni(vni, bindings);
                joined.put(vni, bindings);
            }
        });
    }
}
