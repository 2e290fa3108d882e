package org.netweave.dataplane.emulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netweave.dataplane.ArpResolver;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.ObservationSink;
import org.netweave.model.InvalidValueException;
import org.netweave.model.PortId;
import org.netweave.packet.Vxlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated hypervisor: the {@link ForwardingEngine} on its own forwarding thread, with a real
 * UDP VTEP on its loopback address, an optional VLAN uplink to an emulated physical switch, and
 * emulated VMs plugged into its vNIC ports.
 *
 * <p>All state lives on the forwarding thread; the public methods hand work to it and wait.
 */
public final class EmulatedHost implements Datapath {
    private static final Logger log = LoggerFactory.getLogger(EmulatedHost.class);
    private static final int RX_BATCH = 64;
    private static final int RX_BYTES = Pipeline.HEADROOM + 65_536;
    private static final long EXPIRY_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final HostDatapathConfig config;
    private final EventLoop loop;
    private final ForwardingEngine engine;
    private final VtepSocket vtep;
    private final byte[] rx = new byte[RX_BYTES];
    private final ByteBuffer rxView = ByteBuffer.wrap(rx);
    private final byte[] tx = new byte[Pipeline.HEADROOM + 65_536];
    private final TxQueue txQueue = new TxQueue();
    private final ByteBuffer uplinkSend = ByteBuffer.allocateDirect(65_536);
    private DatagramChannel uplink;
    private InetSocketAddress uplinkPeer;
    private volatile WireTap tap;
    private boolean busy;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public EmulatedHost(HostDatapathConfig config) {
        this.config = config;
        this.loop = new EventLoop("host-" + config.hostId());
        this.engine = new ForwardingEngine(config, new SocketWire());
        this.vtep = new VtepSocket(config.vtepIp().value(), config.vxlanPort());
        loop.start();
        loop.register(vtep.unicastChannel(), () -> receiveTunnel(vtep.unicastChannel()));
        loop.schedule(EXPIRY_INTERVAL_NANOS, this::expire);
        loop.atEndOfEachRound(this::flushTunnel);
        log.info("host {} up: VTEP {}:{} segment {} router MAC {}", config.hostId(), config.vtepIp(),
                config.vxlanPort(), config.vtepSegment(), config.routerMac());
    }

    @Override
    public HostDatapathConfig config() {
        return config;
    }

    public EventLoop loop() {
        return loop;
    }

    @Override
    public void apply(List<? extends DatapathChange> changes) {
        List<? extends DatapathChange> batch = List.copyOf(changes);
        loop.run(() -> {
            // Replies of VMs to packets the batch releases are queued, like any sent from inside
            // a delivery, and go out after the batch.
            busy = true;
            try {
                engine.apply(batch);
            } finally {
                finishBusy();
            }
            syncMulticast();
        });
    }

    @Override
    public DatapathCounters counters() {
        return loop.call(engine::counters);
    }

    @Override
    public DatapathTables tables() {
        return loop.call(engine::tables);
    }

    /** Plugs an emulated VM into a vNIC port id; it sends and receives once the port is attached. */
    public void plug(PortId port, EmulatedEndpoint endpoint) {
        loop.run(() -> {
            engine.connect(port, endpoint);
            endpoint.attach(new VnicNic(port));
        });
    }

    public void unplug(PortId port) {
        loop.run(() -> engine.disconnect(port));
    }

    /** Connects the host's VLAN uplink (a trunk) to a port of an emulated physical switch. */
    public void connectUplink(InetSocketAddress switchPort) {
        loop.run(() -> {
            try {
                uplink = DatagramChannel.open(StandardProtocolFamily.INET);
                uplink.bind(new InetSocketAddress(VtepSocket.address(config.vtepIp().value()), 0));
                uplinkPeer = switchPort;
                loop.register(uplink, this::receiveUplink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The local address of the uplink, which the physical switch sends to. */
    public InetSocketAddress uplinkAddress() {
        return loop.call(() -> (InetSocketAddress) uplink.getLocalAddress());
    }

    @Override
    public void setArpResolver(ArpResolver resolver) {
        loop.run(() -> engine.setArpResolver(resolver));
    }

    @Override
    public void setObservationSink(ObservationSink sink) {
        loop.run(() -> engine.setObservationSink(sink));
    }

    @Override
    public void injectTraced(PortId port, byte[] frame, int traceId) {
        if (traceId < 1 || traceId > Vxlan.MAX_TRACE_ID) {
            throw new InvalidValueException("traceId", traceId, "is outside 1-"
                    + Vxlan.MAX_TRACE_ID);
        }
        if (frame.length > tx.length - Pipeline.HEADROOM) {
            throw new InvalidValueException("frame", frame.length + " bytes", "is longer than "
                    + (tx.length - Pipeline.HEADROOM));
        }
        Boolean attached = loop.call(() -> {
            int index = engine.portIndex(port);
            if (index < 0) {
                return false;
            }
            // Through the same path as a VM's own frame, so what is traced is what the VM gets.
            busy = true;
            try {
                System.arraycopy(frame, 0, tx, Pipeline.HEADROOM, frame.length);
                engine.fromPort(index, tx, Pipeline.HEADROOM, frame.length, traceId);
            } finally {
                finishBusy();
            }
            return true;
        });
        if (!attached) {
            throw new InvalidValueException("port", port.value(), "is not attached on "
                    + config.hostId().value());
        }
    }

    public void setWireTap(WireTap tap) {
        this.tap = tap;
    }

    private void receiveTunnel(DatagramChannel ch) throws IOException {
        int off = Pipeline.HEADROOM - org.netweave.packet.Vxlan.HEADER_LENGTH;
        for (int i = 0; i < RX_BATCH; i++) {
            int len = vtep.receive(ch, rxView, off);
            if (len < 0) {
                return;
            }
            int src = vtep.lastSenderIp();
            WireTap t = tap;
            if (t != null) {
                t.received(src, rx, off, len);
            }
            busy = true;
            try {
                engine.fromTunnel(src, rx, off, len);
            } finally {
                finishBusy();
            }
        }
    }

    private void receiveUplink() throws IOException {
        for (int i = 0; i < RX_BATCH; i++) {
            rxView.limit(rxView.capacity()).position(Pipeline.HEADROOM);
            if (uplink.receive(rxView) == null) {
                return;
            }
            busy = true;
            try {
                engine.fromUplink(rx, Pipeline.HEADROOM, rxView.position() - Pipeline.HEADROOM);
            } finally {
                finishBusy();
            }
        }
    }

    /** Sends what VMs queued while the switch was busy; the switch is free again even if that fails. */
    private void finishBusy() {
        try {
            txQueue.drain(queuedSender);
        } finally {
            busy = false;
        }
    }

    private final TxQueue.Sink queuedSender = this::sendQueued;

    private void sendQueued(int port, byte[] b, int off, int len) {
        engine.fromPort(port, b, off, len);
    }

    /** Sends the VXLAN datagrams batched during the round; what the kernel refused is a TX_FAILED drop. */
    private void flushTunnel() {
        int refused = vtep.flush();
        if (refused > 0) {
            engine.countTransmitFailures(refused);
        }
    }

    private void expire() {
        engine.expire(System.nanoTime());
        loop.schedule(EXPIRY_INTERVAL_NANOS, this::expire);
    }

    /**
     * Joins the underlay groups the switches now need. The batch is in effect whatever happens
     * here, so a failure is reported, not thrown: the caller must not believe it was refused.
     */
    private void syncMulticast() {
        try {
            vtep.syncGroups(engine.underlayGroups()).values()
                    .forEach(ch -> loop.register(ch, () -> receiveTunnel(ch)));
        } catch (IOException | RuntimeException e) {
            log.error("host {}: joining underlay multicast groups {} failed; BUM traffic of hybrid and multicast "
                    + "switches will not arrive: {}", config.hostId(), engine.underlayGroups(), e.toString());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.close();
        vtep.close();
        try {
            if (uplink != null) {
                uplink.close();
            }
        } catch (IOException e) {
            log.warn("closing the uplink of {} failed: {}", config.hostId(), e.toString());
        }
        log.info("host {} down", config.hostId());
    }

    /** A vNIC as its VM sees it. */
    private final class VnicNic implements Nic {
        private final PortId port;

        VnicNic(PortId port) {
            this.port = port;
        }

        @Override
        public void transmit(byte[] frame, int off, int len) {
            int index = engine.portIndex(port);
            if (index < 0) {
                return; // the port is not attached (the VM's link is down)
            }
            if (busy) {
                if (!txQueue.offer(index, frame, off, len)) {
                    log.debug("{}: transmit queue full, frame from {} dropped", config.hostId(), port);
                }
                return;
            }
            busy = true;
            try {
                System.arraycopy(frame, off, tx, Pipeline.HEADROOM, len);
                engine.fromPort(index, tx, Pipeline.HEADROOM, len);
            } finally {
                finishBusy();
            }
        }

        @Override
        public EventLoop loop() {
            return loop;
        }
    }

    /** Puts the pipeline's output on the real sockets. */
    private final class SocketWire implements Wire {
        @Override
        public boolean sendVxlan(int dstVtepIp, byte[] b, int outerOff, int len) {
            WireTap t = tap;
            if (t != null) {
                t.sent(dstVtepIp, b, outerOff, len);
            }
            return vtep.send(dstVtepIp, b, outerOff, len);
        }

        @Override
        public boolean sendMulticast(int group, byte[] b, int outerOff, int len) {
            return sendVxlan(group, b, outerOff, len);
        }

        @Override
        public boolean sendUplink(byte[] b, int off, int len) {
            if (uplink == null) {
                return false;
            }
            uplinkSend.clear();
            uplinkSend.put(b, off, len).flip();
            try {
                return uplink.send(uplinkSend, uplinkPeer) > 0;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
