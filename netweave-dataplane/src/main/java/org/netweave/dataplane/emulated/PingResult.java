package org.netweave.dataplane.emulated;

import java.util.List;
import org.netweave.model.Ipv4Address;

/**
 * The outcome of a ping run, like {@code ping}'s summary.
 *
 * @param rttNanos round-trip times of the replies, in reply order
 * @param replyTtl the TTL of the last reply (shows how many routers it crossed), or -1
 * @param errors   ICMP errors that came back instead of replies
 */
public record PingResult(Ipv4Address target, int sent, int received, List<Long> rttNanos, int replyTtl,
        List<IcmpError> errors) {

    public PingResult {
        rttNanos = List.copyOf(rttNanos);
        errors = List.copyOf(errors);
    }

    /** An ICMP error received by the pinger: who sent it, type and code. */
    public record IcmpError(Ipv4Address from, int type, int code) {
    }

    public boolean allReplied() {
        return sent > 0 && received == sent;
    }

    public double averageRttMillis() {
        return rttNanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }
}
