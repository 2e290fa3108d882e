package org.netweave.hostagent;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.netweave.controller.client.HostSession;
import org.netweave.dataplane.ArpResolver;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * ARP suppression's second step on this host: a binding the host's table lacks is asked of the
 * VNI's owning controller. The datapath asks on its forwarding thread, which must not wait for
 * the network, so a miss starts the query and answers "unknown" now (that request floods); the
 * owner's answer is handed to the datapath at the guest's retry, once — the datapath keeps it in
 * its table from then on.
 *
 * <p>Queries and answers belong to one session: a new session (a new owner, a reconnect) starts
 * with none, so nothing the old owner said outlives it. A query the owner does not answer within
 * {@link #QUERY_TIMEOUT} is given up; at most {@link #MAX_PENDING} are out at once.
 */
final class OwnerArpResolver implements ArpResolver {
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_PENDING = 256;

    private record Key(Vni vni, Ipv4Address ip) {
    }

    /** What one session was asked and answered. */
    private record Asking(HostSession session, Map<Key, MacAddress> answers, Set<Key> pending) {
        static Asking of(HostSession session) {
            return new Asking(session, new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        }
    }

    private volatile Asking state = Asking.of(null);

    /** The session queries go to from now on; empty while the host has none. */
    void use(Optional<HostSession> next) {
        HostSession now = next.orElse(null);
        if (now != state.session()) {
            state = Asking.of(now);
        }
    }

    @Override
    public MacAddress resolve(Vni vni, Ipv4Address ip) {
        Asking asking = state;
        Key key = new Key(vni, ip);
        MacAddress answer = asking.answers().remove(key);
        if (answer != null || asking.session() == null || asking.pending().size() >= MAX_PENDING
                || !asking.pending().add(key)) {
            return answer;
        }
        try {
            asking.session().queryArp(vni, ip).orTimeout(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((mac, failure) -> {
                        if (mac != null) {
                            mac.ifPresent(found -> asking.answers().put(key, found));
                        }
                        asking.pending().remove(key);
                    });
        } catch (RuntimeException closed) {
            // The session is closing: this miss floods like any other.
            asking.pending().remove(key);
        }
        return null;
    }

    /** How many queries are out, for tests. */
    int pending() {
        return state.pending().size();
    }

    /** How many owner answers wait for the datapath to ask again, for tests. */
    int answers() {
        return state.answers().size();
    }
}
