package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.netweave.dataplane.emulated.PingResult.IcmpError;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;

/** The ping application of an emulated endpoint; runs on the endpoint's forwarding thread. */
final class Pinger {
    private static final int DATA_LENGTH = 56;
    private static final byte[] DATA = new byte[DATA_LENGTH];

    private final EmulatedEndpoint endpoint;
    private final byte[] frame = new byte[2048];
    private Run run;

    private static final class Run {
        final Ipv4Address target;
        final int count;
        final int identifier = ThreadLocalRandom.current().nextInt(1, 0xFFFF);
        final long[] sentAt;
        final CompletableFuture<PingResult> result = new CompletableFuture<>();
        final List<Long> rtts = new ArrayList<>();
        final List<IcmpError> errors = new ArrayList<>();
        int sent;
        int replyTtl = -1;

        Run(Ipv4Address target, int count) {
            this.target = target;
            this.count = count;
            this.sentAt = new long[count + 1];
        }
    }

    Pinger(EmulatedEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    CompletableFuture<PingResult> start(Ipv4Address target, int count, long intervalMillis, long timeoutMillis) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        Run r = new Run(target, count);
        EventLoop loop = endpoint.nic().loop();
        loop.execute(() -> {
            if (run != null && !run.result.isDone()) {
                r.result.completeExceptionally(new IllegalStateException(endpoint.id() + " is already pinging"));
                return;
            }
            run = r;
            for (int seq = 1; seq <= count; seq++) {
                int s = seq;
                loop.schedule((seq - 1) * intervalMillis * 1_000_000L, () -> send(r, s));
            }
            loop.schedule(((count - 1) * intervalMillis + timeoutMillis) * 1_000_000L, () -> finish(r));
        });
        return r.result;
    }

    private void send(Run r, int seq) {
        if (r.result.isDone()) {
            return;
        }
        FrameAddresses a = new FrameAddresses(endpoint.mac().value(), 0, endpoint.address().address().value(),
                r.target.value());
        int n = IcmpFrames.echoRequest(frame, 0, a, r.identifier, seq, DATA, 0, DATA_LENGTH);
        r.sentAt[seq] = System.nanoTime();
        r.sent++;
        endpoint.transmitIp(frame, 0, n);
    }

    void reply(int from, int identifier, int seq, int ttl) {
        Run r = run;
        if (r == null || r.result.isDone() || identifier != r.identifier || from != r.target.value()
                || seq < 1 || seq > r.count || r.sentAt[seq] == 0) {
            return;
        }
        r.rtts.add(System.nanoTime() - r.sentAt[seq]);
        r.sentAt[seq] = 0; // a duplicate reply is not counted twice
        r.replyTtl = ttl;
        if (r.rtts.size() == r.count) {
            finish(r);
        }
    }

    void error(int from, int type, int code) {
        Run r = run;
        if (r != null && !r.result.isDone()) {
            r.errors.add(new IcmpError(Ipv4Address.of(from), type, code));
        }
    }

    private void finish(Run r) {
        if (!r.result.isDone()) {
            r.result.complete(new PingResult(r.target, r.sent, r.rtts.size(), r.rtts, r.replyTtl, r.errors));
        }
    }
}
