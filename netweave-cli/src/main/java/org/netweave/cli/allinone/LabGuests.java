package org.netweave.cli.allinone;

import java.io.Closeable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ManagerApi;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.manager.southbound.CoalescingWorker;
import org.netweave.manager.store.Store;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.VmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's compute: runs every powered-on workload VM's guest on the host the inventory places it
 * on, as vCenter and ESXi do, on whichever backend the hypervisors are. After each committed write it reads the VMs through the API and
 * plugs, moves (vMotion: the same guest, with its ARP cache, on the new host), restarts (its
 * address, switch or gateway changed) or unplugs guests. Only vNICs with an address and a logical
 * switch get a guest: the lab has no DHCP.
 */
public final class LabGuests implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LabGuests.class);

    private final ManagerApi api;
    private final LabHypervisors hypervisors;
    private final Map<PortId, Guest> guests = new ConcurrentHashMap<>();
    private final CoalescingWorker worker;
    private final Store store;
    private final Store.CommitListener listener;
    private volatile boolean closed;

    LabGuests(ManagerApi api, LabHypervisors hypervisors, Store store) {
        this.api = api;
        this.hypervisors = hypervisors;
        this.store = store;
        this.worker = new CoalescingWorker("lab-guests", this::reconcile).start();
        this.listener = generation -> worker.wake();
        store.addCommitListener(listener);
        worker.wake();
    }

    /** The host a VM's guest runs on now, if it runs. */
    public Optional<HostId> hostOf(VmId vm) {
        return guest(vm).map(Guest::host);
    }

    /**
     * Pings {@code target} from the VM's first vNIC and waits for the answers. A vMotion of the VM
     * waits until the ping is over, and so does another ping from it.
     *
     * @throws IllegalArgumentException when the VM has no guest here
     */
    public PingResult ping(VmId vm, Ipv4Address target, int count, Duration interval, Duration timeout)
            throws InterruptedException {
        Guest first = guest(vm).orElseThrow(() -> new IllegalArgumentException(vm
                + " has no running guest: it is not a powered-on workload with an addressed vNIC on a logical switch"));
        first.lock().lockInterruptibly();
        try {
            if (closed) {
                throw new IllegalStateException("the lab is shutting down");
            }
            return first.machine().ping(target, count, interval, timeout);
        } finally {
            first.lock().unlock();
        }
    }

    private Optional<Guest> guest(VmId vm) {
        return guests.values().stream().filter(g -> g.vm().equals(vm))
                .min((a, b) -> Integer.compare(a.vnic(), b.vnic()));
    }

    private void reconcile() {
        Map<PortId, GuestSpec> wanted = wanted();
        for (Guest guest : List.copyOf(guests.values())) {
            GuestSpec w = wanted.get(guest.port());
            try {
                if (w == null || w.differsFromStarted(guest.started())) {
                    stop(guest);
                } else if (!w.host().equals(guest.host())) {
                    move(guest, w.host());
                }
            } catch (RuntimeException e) {
                LOG.warn("guest {} vNIC {}: {}", guest.vm(), guest.vnic(), e.toString());
            }
        }
        for (GuestSpec w : wanted.values()) {
            if (!guests.containsKey(w.port())) {
                try {
                    start(w);
                } catch (RuntimeException e) {
                    // A VM on a host the lab does not emulate (added through the API) has no guest.
                    LOG.warn("guest {} vNIC {} cannot start on {}: {}", w.vm(), w.vnic(), w.host(), e.getMessage());
                }
            }
        }
    }

    private void start(GuestSpec w) {
        GuestMachine machine = hypervisors.guest(w);
        machine.start(w.host());
        guests.put(w.port(), new Guest(w, machine, w.host(), new ReentrantLock()));
        LOG.info("guest {} vNIC {} ({} {}, gateway {}) started on {}", w.vm(), w.vnic(), w.mac(), w.network().address(),
                w.network().gateway(), w.host());
    }

    private void stop(Guest guest) {
        guest.lock().lock();
        try {
            guest.machine().stop(guest.host());
            guests.remove(guest.port());
            LOG.info("guest {} vNIC {} stopped on {}", guest.vm(), guest.vnic(), guest.host());
        } finally {
            guest.lock().unlock();
        }
    }

    private void move(Guest guest, HostId to) {
        guest.lock().lock();
        try {
            guest.machine().move(guest.host(), to);
            guests.put(guest.port(), guest.on(to));
            LOG.info("guest {} vNIC {} moved from {} to {} (vMotion)", guest.vm(), guest.vnic(), guest.host(), to);
        } finally {
            guest.lock().unlock();
        }
    }

    private Map<PortId, GuestSpec> wanted() {
        Map<PortId, GuestSpec> wanted = new HashMap<>();
        Map<String, Ipv4InterfaceAddress> lifs = null;
        for (JsonNode vm : api.get("/vms?kind=WORKLOAD")) {
            if (!vm.path("powerState").asText().equals("POWERED_ON")) {
                continue;
            }
            VmId id = VmId.of(vm.path("id").asText());
            HostId host = HostId.of(vm.path("hostId").asText());
            for (JsonNode vnic : vm.path("vnics")) {
                if (vnic.hasNonNull("ip") && vnic.hasNonNull("logicalSwitchId")) {
                    if (lifs == null) {
                        lifs = lifsBySwitch();
                    }
                    int index = vnic.path("index").asInt();
                    // The port the host agent attaches for this vNIC: <vm>.<index, three digits>.
                    PortId port = PortId.of(id.value() + "." + String.format("%03d", index));
                    Ipv4Address ip = Ipv4Address.parse(vnic.path("ip").asText());
                    String logicalSwitch = vnic.path("logicalSwitchId").asText();
                    wanted.put(port, new GuestSpec(id, index, port, host, MacAddress.parse(vnic.path("mac").asText()), ip,
                            logicalSwitch, GuestNetwork.of(ip, logicalSwitch, lifs)));
                }
            }
        }
        return wanted;
    }

    private Map<String, Ipv4InterfaceAddress> lifsBySwitch() {
        Map<String, Ipv4InterfaceAddress> lifs = new HashMap<>();
        for (JsonNode summary : api.get("/dlrs")) {
            for (JsonNode lif : api.get("/dlrs/" + summary.path("id").asText()).path("interfaces")) {
                if (lif.hasNonNull("logicalSwitchId")) {
                    lifs.put(lif.path("logicalSwitchId").asText(), Ipv4InterfaceAddress.parse(lif.path("address").asText()));
                }
            }
        }
        return lifs;
    }

    /** Stops following the inventory; a ping under way ends first, new ones are refused. */
    @Override
    public void close() {
        closed = true;
        store.removeCommitListener(listener);
        worker.close();
        for (Guest guest : guests.values()) {
            guest.lock().lock();
            guest.lock().unlock();
        }
    }
}
