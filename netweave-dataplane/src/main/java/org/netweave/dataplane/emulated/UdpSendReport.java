package org.netweave.dataplane.emulated;

/**
 * What a UDP traffic run of an emulated endpoint sent.
 *
 * @param sent         datagrams handed to the endpoint's interface
 * @param elapsedNanos from the first datagram to the last
 */
public record UdpSendReport(long sent, long elapsedNanos) {
    /** The rate actually reached, which is below the one asked for if the sender fell behind. */
    public double ratePps() {
        return elapsedNanos <= 0 ? sent : sent * 1e9 / elapsedNanos;
    }
}
