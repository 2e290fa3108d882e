package org.netweave.hostagent;

import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import org.netweave.dataplane.Datapath;
import org.netweave.model.HostId;
import org.netweave.model.MacAddress;
import org.netweave.proto.manager.v1.DvrAgentChannelGrpc;
import org.netweave.proto.manager.v1.DvrMac;
import org.netweave.proto.manager.v1.DvrMacListRequest;
import org.netweave.proto.manager.v1.DvrMacRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neutron L2 agent's DVR start-up (seed 003): it asks the manager for this host's DVR MAC
 * ({@code get_dvr_mac_address_by_host}) until it has one, checks it against the router MAC the
 * datapath was prepared with, then keeps the other hosts' DVR MACs ({@code
 * get_dvr_mac_address_list}) in the datapath. Neutron pushes changes of that list with a fanout
 * cast; here the agent asks again every {@link #LIST_REFRESH}, which is as cheap for the few
 * hundred hosts of one manager.
 */
final class DvrMacAgent implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DvrMacAgent.class);
    static final Duration LIST_REFRESH = Duration.ofSeconds(10);
    private static final long DEADLINE_MS = 2_000;
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    /** What the agent knows, for views and tests. */
    record DvrMacs(Optional<MacAddress> own, Set<MacAddress> peers) {
    }

    private final HostId host;
    private final Channel manager;
    private final Datapath datapath;
    private final ScheduledExecutorService thread;
    private volatile DvrMacs known = new DvrMacs(Optional.empty(), Set.of());
    private int failures;

    DvrMacAgent(HostId host, Channel manager, Datapath datapath) {
        this.host = host;
        this.manager = manager;
        this.datapath = datapath;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(host.value() + "-dvr-mac")
                .daemon().factory());
    }

    void start() {
        thread.execute(this::askOwn);
    }

    DvrMacs known() {
        return known;
    }

    private void askOwn() {
        try {
            DvrMac mine = stub().getDvrMacAddress(DvrMacRequest.newBuilder().setHost(host.value()).build());
            MacAddress mac = MacAddress.parse(mine.getMacAddress());
            MacAddress prepared = datapath.config().routerMac();
            if (mac.equals(prepared)) {
                LOG.info("{}: DVR MAC {} (get_dvr_mac_address_by_host)", host, mac);
            } else {
                LOG.warn("{}: the manager says the DVR MAC is {}, the datapath was prepared with {}", host, mac, prepared);
            }
            known = new DvrMacs(Optional.of(mac), known.peers());
            failures = 0;
            // Guarded: a datapath refusing the peers (closing, or an OVS command failing) must not end the refresh.
            thread.scheduleWithFixedDelay(AgentTasks.guarded(LOG, host, "the DVR MAC list refresh", this::refreshPeers), 0,
                    LIST_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (StatusRuntimeException | IllegalArgumentException e) {
            failures++;
            Duration wait = RETRY.after(failures, ThreadLocalRandom.current().nextDouble());
            // Neutron's agent gives up after five tries and exits; a host agent keeps its
            // datapath forwarding and keeps asking instead.
            (failures == 5 ? LOG.atWarn() : LOG.atDebug()).log("{}: no DVR MAC yet ({}); asking again in {} ms", host,
                    e.getMessage(), wait.toMillis());
            thread.schedule(this::askOwn, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refreshPeers() {
        try {
            Set<MacAddress> peers = new TreeSet<>();
            for (DvrMac m : stub().getDvrMacAddressList(DvrMacListRequest.getDefaultInstance()).getMacsList()) {
                if (!m.getHost().equals(host.value())) {
                    peers.add(MacAddress.parse(m.getMacAddress()));
                }
            }
            if (!peers.equals(known.peers())) {
                datapath.setPeerRouterMacs(peers);
                known = new DvrMacs(known.own(), Set.copyOf(peers));
                LOG.info("{}: {} other hosts' DVR MACs (get_dvr_mac_address_list)", host, peers.size());
            }
        } catch (StatusRuntimeException | IllegalArgumentException e) {
            LOG.debug("{}: DVR MAC list not refreshed: {}", host, e.getMessage());
        }
    }

    private DvrAgentChannelGrpc.DvrAgentChannelBlockingStub stub() {
        return DvrAgentChannelGrpc.newBlockingStub(manager).withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
