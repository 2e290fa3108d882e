package org.netweave.hostagent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.netweave.controller.client.HostSession;
import org.netweave.dataplane.ArpResolver;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * ARP suppression's second step on this host: a binding the host's table lacks is asked of the
 * VNI's owning controller. The datapath asks on its forwarding thread, which must not wait for
 * the network, so a miss starts the query and answers "unknown" now (that request floods); the
 * owner's answer is kept and answers the guest's retry, and the datapath caches it from then on.
 *
 * <p>Answers belong to a session: a new session (a new owner, a reconnect) starts afresh, so an
 * answer never outlives the tables it came from by more than one session.
 */
final class OwnerArpResolver implements ArpResolver {
    /** Enough for every miss a host sees between two sessions; beyond it, old answers go. */
    static final int MAX_ANSWERS = 4_096;

    private record Key(Vni vni, Ipv4Address ip) {
    }

    private final Map<Key, MacAddress> answers = new ConcurrentHashMap<>();
    private final Set<Key> asking = ConcurrentHashMap.newKeySet();
    private volatile HostSession session;

    /** The session queries go to from now on; empty while the host has none. */
    void use(Optional<HostSession> next) {
        HostSession now = next.orElse(null);
        if (now != session) {
            answers.clear();
            session = now;
        }
    }

    @Override
    public MacAddress resolve(Vni vni, Ipv4Address ip) {
        Key key = new Key(vni, ip);
        MacAddress known = answers.get(key);
        HostSession current = session;
        if (known != null || current == null || !asking.add(key)) {
            return known;
        }
        current.queryArp(vni, ip).whenComplete((answer, failure) -> {
            asking.remove(key);
            if (answer != null && answer.isPresent() && session == current) {
                if (answers.size() >= MAX_ANSWERS) {
                    answers.clear();
                }
                answers.put(key, answer.get());
            }
        });
        return null;
    }

    /** How many queries are out, for tests. */
    int pending() {
        return asking.size();
    }

    /** How many owner answers are kept now, for tests. */
    int answers() {
        return answers.size();
    }
}
