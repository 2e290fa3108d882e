package org.netweave.packet;

/**
 * One frame read back from a pcap file.
 *
 * @param epochNanos the capture time in the file's resolution, as nanoseconds since the epoch
 * @param data the captured bytes, at most the file's snap length
 * @param originalLength the frame's length on the wire, at least {@code data.length()}
 */
public record PcapPacket(long epochNanos, Octets data, int originalLength) {
}
