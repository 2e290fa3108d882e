package org.netweave.hostagent;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Channel;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.Datapath;
import org.netweave.model.HostId;
import org.netweave.model.MacAddress;

/**
 * The host agent (netcpa with the Neutron L2 and L3 agents): follows the manager's configuration
 * of the host ({@link HostConfigFollower}), joins the host's VNIs and DLRs at their owning
 * controllers, and reconciles the configuration and the owners' tables into the host's
 * {@link Datapath}. It reports a generation applied only once the datapath has applied it, and
 * injects and reports traceflow probes ({@link TraceflowAgent}).
 *
 * <p>The caller owns the manager channel and the datapath: closing the agent leaves the datapath
 * forwarding with what it holds, as a host does when its agent restarts.
 */
public final class HostAgent implements Closeable {
    /** The lifecycle: started once, closed once. */
    public enum State { LATENT, STARTED, CLOSED }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final DatapathReconciler reconciler;
    private final HostConfigFollower follower;
    private final TraceflowAgent traceflow;
    private final CountersReporter counters;
    private final DvrMacAgent dvrMacs;
    private final NeutronAgents neutron;
    private final Datapath datapath;

    public HostAgent(HostId host, Channel manager, HostSessionFactory sessions, Datapath datapath) {
        if (!datapath.config().hostId().equals(host)) {
            throw new IllegalArgumentException("the datapath of " + datapath.config().hostId() + " is not " + host + "'s");
        }
        this.datapath = datapath;
        this.neutron = new NeutronAgents(host, manager);
        this.reconciler = new DatapathReconciler(datapath, neutron::routing);
        this.follower = new HostConfigFollower(host, manager, sessions, reconciler);
        this.traceflow = new TraceflowAgent(host, manager, datapath);
        this.counters = new CountersReporter(host, manager, datapath);
        this.dvrMacs = new DvrMacAgent(host, manager, datapath);
    }

    public HostAgent(HostId host, Channel manager, ControllerChannels channels, SliceSpace space, Datapath datapath) {
        this(host, manager, HostSessionFactory.over(channels, space, datapath.config()), datapath);
    }

    /** Subscribes to the manager. Once only. */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("the host agent cannot start when " + state.get());
        }
        follower.start();
        traceflow.start();
        counters.start();
        dvrMacs.start();
        neutron.start();
    }

    /** This host's DVR MAC as the manager gave it, and the other hosts' (Neutron's DVR RPCs). */
    public Optional<MacAddress> dvrMac() {
        return dvrMacs.known().own();
    }

    public Set<MacAddress> peerDvrMacs() {
        return dvrMacs.known().peers();
    }

    /** What the Neutron L3 and L2 agents hold now; safe from any thread. */
    public NeutronRouting neutronRouting() {
        return neutron.routing();
    }

    /** The Neutron agents' steps (seed 003), oldest first, e.g. "l3: routers_updated [..]"; safe from any thread. */
    public List<String> neutronEvents() {
        return neutron.events();
    }

    public State state() {
        return state.get();
    }

    /** What the agent has done, as of its last step; safe from any thread. */
    public HostAgentView view() {
        return follower.view();
    }

    /** The tables the agent last installed in the datapath; safe from any thread. */
    public DatapathDesired installed() {
        return reconciler.installed();
    }

    /** The resolver the datapath's ARP suppression asks on a miss, for tests. */
    OwnerArpResolver arpResolver() {
        return reconciler.arpResolver();
    }

    public Datapath datapath() {
        return datapath;
    }

    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) != State.CLOSED) {
            follower.close();
            traceflow.close();
            counters.close();
            dvrMacs.close();
            neutron.close();
            reconciler.detach();
        }
    }
}
