package org.netweave.controller.client;

import java.io.Closeable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.netweave.controller.cluster.AssignmentCodec;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ArpAnswer;
import org.netweave.proto.controller.v1.ArpEntry;
import org.netweave.proto.controller.v1.ArpQuery;
import org.netweave.proto.controller.v1.ArpReport;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.Hello;
import org.netweave.proto.controller.v1.HostChannelGrpc;
import org.netweave.proto.controller.v1.HostMessage;
import org.netweave.proto.controller.v1.JoinDlr;
import org.netweave.proto.controller.v1.LeaveDlr;
import org.netweave.proto.controller.v1.JoinVni;
import org.netweave.proto.controller.v1.MacEntry;
import org.netweave.proto.controller.v1.MacReport;
import org.netweave.proto.controller.v1.Vtep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's control-plane session to the controller cluster (what NSX-V's netcpa does): it keeps
 * one stream to every node that owns a slice the host needs, joins its VNIs and DLRs there,
 * reports its VTEP, MAC and ARP bindings, and follows assignment changes. After a node fails the
 * host moves every object of that node to the new owner and reports everything again, so the
 * new owner's tables are rebuilt from the hosts, which hold the truth about their own VMs.
 *
 * <p>All state lives on one session thread; gRPC callbacks hop onto it.
 */
public final class HostSession implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HostSession.class);
    private static final long RETRY_MS = 50;

    private final HostId host;
    private final Hello hello;
    private final List<String> controllers;
    private final ControllerChannels channels;
    private final SliceSpace space;
    private final ScheduledExecutorService thread;

    private final Map<Vni, VniBindings> vnis = new LinkedHashMap<>();
    private final Set<DlrId> dlrs = new java.util.LinkedHashSet<>();
    private final Map<Role, SliceAssignment> assignments = new HashMap<>();
    private final Map<String, Stream> streams = new HashMap<>();
    private final Map<Object, String> placedAt = new HashMap<>();
    private final Map<Vni, org.netweave.proto.controller.v1.VniTables.Builder> vniTables = new ConcurrentHashMap<>();
    private final Map<DlrId, DlrState> dlrStates = new ConcurrentHashMap<>();
    /** The node each DLR is joined at, for the host's report to the manager. */
    private final Map<DlrId, ControllerId> dlrOwners = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Optional<MacAddress>>> arpQueries = new ConcurrentHashMap<>();
    private final Set<ControllerId> failedControllers = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextQuery = new AtomicLong(1);
    private volatile boolean settled;
    private volatile boolean closed;
    private boolean retryScheduled;
    private int nextBootstrap;

    /** The bindings the host reports for one VNI: its VMs' MACs (behind this host's VTEP) and IPs. */
    public record VniBindings(Set<MacAddress> macs, Map<Ipv4Address, MacAddress> arps) {
    }

    public HostSession(HostId host, Ipv4Address hostIp, int port, Vtep vtep, List<String> controllers,
                       ControllerChannels channels, SliceSpace space) {
        this.host = host;
        this.hello = Hello.newBuilder().setHostId(host.value()).setHostIp(hostIp.value()).setPort(port).setVtep(vtep).build();
        this.controllers = List.copyOf(controllers);
        this.channels = channels;
        this.space = space;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(host + "-session").factory());
    }

    public void start() {
        thread.execute(this::reconcile);
    }

    /**
     * Joins {@code vni} with these bindings, or — joined already — reports how they changed: the
     * owner drops a MAC or IP only when told it is gone (a vNIC detached, a bridge moved away).
     */
    public void joinVni(Vni vni, VniBindings bindings) {
        thread.execute(() -> {
            VniBindings before = vnis.put(vni, bindings);
            String address = placedAt.get(vni);
            Stream stream = address == null ? null : streams.get(address);
            if (before != null && stream != null) {
                sendChanges(stream, vni, before, bindings);
                return;
            }
            placedAt.remove(vni);
            reconcile();
        });
    }

    public void joinDlr(DlrId dlr) {
        thread.execute(() -> {
            dlrs.add(dlr);
            placedAt.remove(dlr);
            reconcile();
        });
    }

    /** The DLR instance is gone from the host: leave it at its owner and forget its state. */
    public void leaveDlr(DlrId dlr) {
        thread.execute(() -> {
            if (!dlrs.remove(dlr)) {
                return;
            }
            String address = placedAt.remove(dlr);
            Stream stream = address == null ? null : streams.get(address);
            if (stream != null) {
                stream.send(HostMessage.newBuilder().setLeaveDlr(LeaveDlr.newBuilder().setDlrId(dlr.value())
                        .setEpoch(epoch(Role.LOGICAL_MANAGER))).build());
            }
            dlrStates.remove(dlr);
            dlrOwners.remove(dlr);
            reconcile();
        });
    }

    /** For each DLR this host has joined, the controller node it joined it at. */
    public Map<DlrId, ControllerId> dlrControllers() {
        return Map.copyOf(dlrOwners);
    }

    /**
     * True when every VNI and DLR the host needs is joined at the owner that the newest known
     * assignment names, and that owner has sent its tables back.
     */
    public boolean isSettled() {
        return settled;
    }

    public HostId host() {
        return host;
    }

    /** The controllers the cluster has told this host about as failed, ever (the netcpa log's story). */
    public Set<ControllerId> failedControllers() {
        return Set.copyOf(failedControllers);
    }

    public Map<Vni, org.netweave.proto.controller.v1.VniTables> vniTables() {
        Map<Vni, org.netweave.proto.controller.v1.VniTables> copy = new HashMap<>();
        vniTables.forEach((vni, tables) -> copy.put(vni, tables.build()));
        return copy;
    }

    public Map<DlrId, DlrState> dlrStates() {
        return Map.copyOf(dlrStates);
    }

    public CompletableFuture<Optional<MacAddress>> queryArp(Vni vni, Ipv4Address ip) {
        long id = nextQuery.getAndIncrement();
        CompletableFuture<Optional<MacAddress>> answer = new CompletableFuture<>();
        arpQueries.put(id, answer);
        thread.execute(() -> {
            Stream stream = streams.get(placedAt.get(vni));
            if (stream == null) {
                arpQueries.remove(id).completeExceptionally(new IllegalStateException("vni " + vni + " has no owner session yet"));
                return;
            }
            stream.send(HostMessage.newBuilder().setArpQuery(ArpQuery.newBuilder().setQueryId(id).setVni(vni.value())
                    .setIp(ipOf(ip))).build());
        });
        return answer;
    }

    // ---- the reconciler: place every object at its owner ----

    private void reconcile() {
        if (closed) {
            return;
        }
        if (!assignments.containsKey(Role.SWITCH_MANAGER) || !assignments.containsKey(Role.LOGICAL_MANAGER)) {
            bootstrap();
            return;
        }
        boolean complete = true;
        for (Map.Entry<Vni, VniBindings> entry : vnis.entrySet()) {
            complete &= place(entry.getKey(), assignments.get(Role.SWITCH_MANAGER).ownerOf(entry.getKey(), space));
        }
        for (DlrId dlr : dlrs) {
            complete &= place(dlr, assignments.get(Role.LOGICAL_MANAGER).ownerOf(dlr, space));
        }
        streams.keySet().removeIf(address -> {
            boolean unused = !placedAt.containsValue(address) && streams.size() > 1;
            if (unused) {
                streams.get(address).close();
            }
            return unused;
        });
        settled = complete && acknowledged();
        if (!complete) {
            scheduleRetry();
        }
    }

    /**
     * One pending retry at a time. A node that refuses (it is paused, or between owners) would
     * otherwise answer every re-sent join with another refusal and every refusal with another
     * round of joins.
     */
    private void scheduleRetry() {
        if (!retryScheduled && !closed) {
            retryScheduled = true;
            thread.schedule(() -> {
                retryScheduled = false;
                reconcile();
            }, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean acknowledged() {
        for (Vni vni : vnis.keySet()) {
            if (!vniTables.containsKey(vni)) {
                return false;
            }
        }
        return dlrStates.keySet().containsAll(dlrs);
    }

    private boolean place(Object object, Optional<ControllerId> owner) {
        if (owner.isEmpty()) {
            return false;
        }
        String address = assignmentFor(object).addressOf(owner.get()).orElseThrow();
        if (address.equals(placedAt.get(object)) && streams.containsKey(address)) {
            return true;
        }
        Stream stream = streams.computeIfAbsent(address, Stream::new);
        placedAt.put(object, address);
        switch (object) {
            case Vni vni -> sendVni(stream, vni);
            case DlrId dlr -> {
                dlrOwners.put(dlr, owner.get());
                stream.send(HostMessage.newBuilder().setJoinDlr(JoinDlr.newBuilder()
                        .setDlrId(dlr.value()).setEpoch(epoch(Role.LOGICAL_MANAGER))).build());
            }
            default -> throw new IllegalStateException("not a placeable object: " + object);
        }
        return true;
    }

    private SliceAssignment assignmentFor(Object object) {
        return assignments.get(object instanceof Vni ? Role.SWITCH_MANAGER : Role.LOGICAL_MANAGER);
    }

    private void sendVni(Stream stream, Vni vni) {
        VniBindings bindings = vnis.get(vni);
        long epoch = epoch(Role.SWITCH_MANAGER);
        stream.send(HostMessage.newBuilder().setJoinVni(JoinVni.newBuilder().setVni(vni.value()).setEpoch(epoch)).build());
        MacReport.Builder macs = MacReport.newBuilder().setVni(vni.value()).setEpoch(epoch);
        bindings.macs().forEach(mac -> macs.addAdded(MacEntry.newBuilder().setMac(mac.value()).setVtepIp(hello.getVtep().getIp())));
        stream.send(HostMessage.newBuilder().setMacReport(macs).build());
        ArpReport.Builder arps = ArpReport.newBuilder().setVni(vni.value()).setEpoch(epoch);
        bindings.arps().forEach((ip, mac) -> arps.addAdded(ArpEntry.newBuilder().setIp(ipOf(ip)).setMac(mac.value())));
        stream.send(HostMessage.newBuilder().setArpReport(arps).build());
    }

    private void sendChanges(Stream stream, Vni vni, VniBindings before, VniBindings after) {
        long epoch = epoch(Role.SWITCH_MANAGER);
        MacReport.Builder macs = MacReport.newBuilder().setVni(vni.value()).setEpoch(epoch);
        after.macs().stream().filter(mac -> !before.macs().contains(mac)).forEach(mac ->
                macs.addAdded(MacEntry.newBuilder().setMac(mac.value()).setVtepIp(hello.getVtep().getIp())));
        before.macs().stream().filter(mac -> !after.macs().contains(mac)).forEach(mac -> macs.addRemoved(mac.value()));
        if (macs.getAddedCount() + macs.getRemovedCount() > 0) {
            stream.send(HostMessage.newBuilder().setMacReport(macs).build());
        }
        ArpReport.Builder arps = ArpReport.newBuilder().setVni(vni.value()).setEpoch(epoch);
        after.arps().forEach((ip, mac) -> {
            if (!mac.equals(before.arps().get(ip))) {
                arps.addAdded(ArpEntry.newBuilder().setIp(ipOf(ip)).setMac(mac.value()));
            }
        });
        before.arps().keySet().stream().filter(ip -> !after.arps().containsKey(ip)).forEach(ip -> arps.addRemoved(ipOf(ip)));
        if (arps.getAddedCount() + arps.getRemovedCount() > 0) {
            stream.send(HostMessage.newBuilder().setArpReport(arps).build());
        }
    }

    private long epoch(Role role) {
        return assignments.get(role).epoch();
    }

    /** No assignment yet: ask the controllers in turn, the first that answers Hello tells us. */
    private void bootstrap() {
        if (streams.isEmpty()) {
            String address = controllers.get(nextBootstrap++ % controllers.size());
            streams.put(address, new Stream(address));
        }
        scheduleRetry();
    }

    // ---- messages from controllers ----

    private void received(Stream from, ControllerMessage message) {
        switch (message.getBodyCase()) {
            case WELCOME -> message.getWelcome().getAssignmentsList().forEach(this::learn);
            case ASSIGNMENT_UPDATE -> learn(message.getAssignmentUpdate().getAssignment());
            case REDIRECT -> {
                learn(message.getRedirect().getAssignment());
                var ref = message.getRedirect().getObject();
                placedAt.remove(ref.hasVni() ? Vni.of(ref.getVni()) : DlrId.of(ref.getDlrId()));
                // Re-placed on the next retry, so a node with an older view cannot bounce us at message rate.
                scheduleRetry();
                return;
            }
            case REFUSED -> {
                LOG.debug("{}: {} refused a request: {} {}", host, from.address, message.getRefused().getReason(),
                        message.getRefused().getDetail());
                if (message.getRefused().hasAssignment()) {
                    learn(message.getRefused().getAssignment());
                }
                placedAt.values().removeIf(from.address::equals);
                scheduleRetry();
                return;
            }
            case VNI_TABLES -> vniTables.put(Vni.of(message.getVniTables().getVni()), message.getVniTables().toBuilder());
            case VNI_DELTA -> applyDelta(message.getVniDelta());
            case DLR_STATE -> dlrStates.put(DlrId.of(message.getDlrState().getDlrId()), message.getDlrState());
            case ARP_ANSWER -> answer(message.getArpAnswer());
            case BODY_NOT_SET -> LOG.warn("{}: empty message from {}", host, from.address);
        }
        reconcile();
    }

    private void learn(org.netweave.proto.controller.v1.SliceAssignment proto) {
        SliceAssignment assignment = AssignmentCodec.fromProto(proto);
        SliceAssignment known = assignments.get(assignment.role());
        if (known == null || assignment.epoch() > known.epoch()) {
            assignments.put(assignment.role(), assignment);
            failedControllers.addAll(assignment.failed());
            if (!assignment.failed().isEmpty()) {
                LOG.info("{}: {} epoch {}: controller {} failed", host, assignment.role().cliName(), assignment.epoch(),
                        assignment.failed());
            }
        }
    }

    private void applyDelta(org.netweave.proto.controller.v1.VniDelta delta) {
        var tables = vniTables.get(Vni.of(delta.getVni()));
        if (tables == null) {
            return;
        }
        VniTableMerge.apply(tables, delta);
    }

    private void answer(ArpAnswer answer) {
        CompletableFuture<Optional<MacAddress>> query = arpQueries.remove(answer.getQueryId());
        if (query != null) {
            query.complete(answer.getFound() ? Optional.of(MacAddress.of(answer.getMac())) : Optional.empty());
        }
    }

    private void lost(Stream stream, Throwable cause) {
        if (streams.get(stream.address) != stream) {
            return;
        }
        String why = cause == null ? "closed" : cause.getMessage();
        LOG.atInfo().setMessage("{}: session to {} ended: {}").addArgument(host).addArgument(stream.address)
                .addArgument(why).addKeyValue("event", "controller-session-ended").addKeyValue("host", host.value())
                .addKeyValue("address", stream.address).log();
        streams.remove(stream.address);
        placedAt.values().removeIf(stream.address::equals);
        for (Object object : List.copyOf(vnis.keySet())) {
            if (!placedAt.containsKey(object)) {
                vniTables.remove(object);
            }
        }
        for (DlrId dlr : List.copyOf(dlrs)) {
            if (!placedAt.containsKey(dlr)) {
                dlrStates.remove(dlr);
                dlrOwners.remove(dlr);
            }
        }
        settled = false;
        // The failed node stays named as owner until the master publishes a new assignment. A
        // host hears of it on any stream it still has; with none left it asks the next
        // controller of its list.
        if (streams.isEmpty()) {
            String next = controllers.get(nextBootstrap++ % controllers.size());
            streams.put(next, new Stream(next));
        }
        scheduleRetry();
    }

    /** One gRPC stream to one controller node. */
    private final class Stream implements StreamObserver<ControllerMessage> {
        private final String address;
        private final StreamObserver<HostMessage> out;

        Stream(String address) {
            this.address = address;
            ManagedChannel channel = channels.channel(address);
            this.out = HostChannelGrpc.newStub(channel).connect(this);
            out.onNext(HostMessage.newBuilder().setHello(hello).build());
        }

        void send(HostMessage message) {
            out.onNext(message);
        }

        void close() {
            try {
                out.onCompleted();
            } catch (RuntimeException e) {
                LOG.debug("{}: closing the stream to {}: {}", host, address, e.toString());
            }
        }

        @Override
        public void onNext(ControllerMessage message) {
            onSessionThread(() -> received(this, message));
        }

        @Override
        public void onError(Throwable t) {
            onSessionThread(() -> lost(this, t));
        }

        @Override
        public void onCompleted() {
            onSessionThread(() -> lost(this, null));
        }
    }

    /** Streams end after the session closed; their last callbacks have nowhere to go and need none. */
    private void onSessionThread(Runnable task) {
        if (!closed) {
            try {
                thread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("{}: session closed; dropping a stream callback", host);
            }
        }
    }

    private static int ipOf(Ipv4Address ip) {
        return ip.value();
    }

    @Override
    public void close() {
        closed = true;
        thread.execute(() -> streams.values().forEach(Stream::close));
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
