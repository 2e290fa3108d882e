package org.netweave.dataplane.emulated;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.UdpFrames;

/**
 * A UDP traffic generator of an emulated endpoint: sends {@code count} identical datagrams at a
 * steady rate, on the endpoint's forwarding thread.
 *
 * <p>It runs in bursts: each run sends what the rate allows by now (at most {@link #MAX_BURST}),
 * then hands the thread back — re-queued at once if it is behind, else on a timer — so that
 * frames arriving for the same thread are processed between bursts. It first resolves the next
 * hop with ARP, so no datagram waits in the ARP queue, then builds the frame once: nothing is
 * allocated per datagram.
 */
final class UdpGenerator implements Runnable {
    static final int MAX_BURST = 256;
    static final int SRC_PORT = 40_000;
    private static final long ARP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long ARP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final EmulatedEndpoint endpoint;
    private final EventLoop loop;
    private final Ipv4Address target;
    private final int dstPort;
    private final int payloadLength;
    private final long count;
    private final long ratePps;
    private final byte[] frame;
    private final CompletableFuture<UdpSendReport> result = new CompletableFuture<>();
    private final long createdAt = System.nanoTime();
    private int frameLength;
    private long startedAt;
    private long sent;

    UdpGenerator(EmulatedEndpoint endpoint, Ipv4Address target, int dstPort, int payloadLength, long count,
            long ratePps) {
        if (dstPort < 1 || dstPort > 0xFFFF || payloadLength < 0 || payloadLength > EmulatedEndpoint.MAX_PAYLOAD
                || count < 1 || ratePps < 1) {
            throw new IllegalArgumentException("port " + dstPort + ", payload " + payloadLength + ", count " + count
                    + ", rate " + ratePps);
        }
        this.endpoint = endpoint;
        this.loop = endpoint.nic().loop();
        this.target = target;
        this.dstPort = dstPort;
        this.payloadLength = payloadLength;
        this.count = count;
        this.ratePps = ratePps;
        this.frame = new byte[UdpFrames.HEADERS_LENGTH + payloadLength];
    }

    CompletableFuture<UdpSendReport> start() {
        loop.execute(this);
        return result;
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return;
        }
        if (startedAt == 0 && !resolved()) {
            return;
        }
        long now = System.nanoTime();
        long due = Math.min(count, (long) ((now - startedAt) * (ratePps / 1e9)) + 1);
        long burstEnd = Math.min(due, sent + MAX_BURST);
        while (sent < burstEnd) {
            endpoint.send(frame, 0, frameLength);
            sent++;
        }
        if (sent == count) {
            result.complete(new UdpSendReport(sent, System.nanoTime() - startedAt));
        } else if (sent < due) {
            loop.execute(this);
        } else {
            long nextDueAt = startedAt + (long) (sent * (1e9 / ratePps));
            loop.schedule(Math.max(0, nextDueAt - System.nanoTime()), this);
        }
    }

    /** Builds the frame once the next hop's MAC is known; until then asks for it and polls. */
    private boolean resolved() {
        long mac = endpoint.resolveNextHop(target.value());
        if (mac < 0) {
            if (System.nanoTime() - createdAt > ARP_TIMEOUT_NANOS) {
                result.completeExceptionally(new IllegalStateException(endpoint.id() + " got no ARP answer for the "
                        + "next hop towards " + target));
            } else {
                loop.schedule(ARP_POLL_NANOS, this);
            }
            return false;
        }
        FrameAddresses a = new FrameAddresses(endpoint.mac().value(), mac, endpoint.address().address().value(),
                target.value());
        frameLength = UdpFrames.write(frame, 0, a, SRC_PORT, dstPort, new byte[payloadLength], 0, payloadLength);
        startedAt = System.nanoTime();
        return true;
    }
}
