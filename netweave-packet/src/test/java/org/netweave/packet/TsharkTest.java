package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/** tshark, an independent dissector, reads what our encoders, builders and pcap writer produce. */
class TsharkTest {
    private static final long T0 = 1_700_000_000_123_456_789L;
    private static final long VM1_MAC = 0x0200_0000_0001L;
    private static final long VM2_MAC = 0x0200_0000_0002L;
    private static final long ROUTER_MAC = 0x0200_0000_00FEL;
    private static final int VM1 = Ipv4Address.parse("10.0.1.10").value();
    private static final int VM2 = Ipv4Address.parse("10.0.2.10").value();
    private static final int ROUTER = Ipv4Address.parse("10.0.1.1").value();
    private static final MacAddress VTEP_A_MAC = MacAddress.parse("02:00:00:00:0a:01");
    private static final long VTEP_B_MAC = 0x0200_0000_0B01L;
    private static final Ipv4Address VTEP_A = Ipv4Address.parse("192.168.100.1");
    private static final int VTEP_B = Ipv4Address.parse("192.168.100.2").value();

    @TempDir
    Path dir;

    @BeforeEach
    void requireTshark() {
        Tshark.assumeInstalled();
    }

    /** VM1 pings VM2 across a router (TTL 64 -> 63) and the overlay, VNI 5001. */
    @Test
    void readsTheVxlanEncapsulatedEchoRequestExactlyAsWritten() throws Exception {
        byte[] b = new byte[256];
        int inner = VxlanEncapsulator.OVERHEAD;
        int innerLength = IcmpFrames.echoRequest(b, inner, new FrameAddresses(VM1_MAC, VM2_MAC, VM1, VM2), 0x1234, 7,
                new byte[56], 0, 56);
        Ipv4.decrementTtl(b, inner + Ethernet.HEADER_LENGTH);
        int outer = new VxlanEncapsulator(VTEP_A_MAC, VTEP_A, Vxlan.DEFAULT_UDP_PORT).encapsulate(b, inner,
                innerLength, VTEP_B_MAC, VTEP_B, 5001, 0, 0, FlowHash.of(b, inner, innerLength));
        Path pcap = write(new Frame(b, outer, innerLength + VxlanEncapsulator.OVERHEAD));

        List<String> lines = Tshark.fields(pcap, "frame.time_epoch", "vxlan.vni", "eth.src", "eth.dst", "ip.src",
                "ip.dst", "ip.ttl", "ip.checksum.status", "udp.dstport", "udp.checksum", "icmp.type", "icmp.ident",
                "icmp.seq", "icmp.checksum.status");

        assertThat(lines).containsExactly(String.join(",",
                "1700000000.123456789",
                "5001",
                "02:00:00:00:0a:01|02:00:00:00:00:01",
                "02:00:00:00:0b:01|02:00:00:00:00:02",
                "192.168.100.1|10.0.1.10",
                "192.168.100.2|10.0.2.10",
                "64|63",
                "1|1",
                "4789",
                "0x0000",
                "8",
                "4660",
                "7",
                "1"));
    }

    /** The slow-path builders: ARP both ways, ICMP errors from an offending packet, UDP with checksum. */
    @Test
    void readsTheFrameBuildersOutputWithGoodChecksums() throws Exception {
        FrameAddresses vm1ToVm2 = new FrameAddresses(VM1_MAC, VM2_MAC, VM1, VM2);
        byte[] offending = new byte[128];
        int offendingLength = UdpFrames.write(offending, 0, vm1ToVm2, 40000, 53, new byte[12], 0, 12);
        byte[][] frames = new byte[5][128];
        int[] lengths = {
            ArpFrames.request(frames[0], 0, VM1_MAC, VM1, ROUTER),
            ArpFrames.reply(frames[1], 0, ROUTER_MAC, ROUTER, VM1_MAC, VM1),
            IcmpFrames.timeExceeded(frames[2], 0, ROUTER_MAC, ROUTER, offending, 0, offendingLength),
            IcmpFrames.destinationUnreachable(frames[3], 0, Icmp.CODE_HOST_UNREACHABLE, ROUTER_MAC, ROUTER, offending,
                    0, offendingLength),
            offendingLength,
        };
        frames[4] = offending;
        Frame[] all = new Frame[frames.length];
        for (int i = 0; i < frames.length; i++) {
            all[i] = new Frame(frames[i], 0, lengths[i]);
        }
        Path pcap = write(all);

        List<String> lines = Tshark.fields(pcap, "arp.opcode", "arp.src.proto_ipv4", "arp.dst.proto_ipv4",
                "icmp.type", "icmp.code", "icmp.checksum.status", "ip.checksum.status", "udp.checksum.status",
                "ip.dst");

        // In the ICMP errors the UDP checksum is the quoted datagram's, which tshark cannot
        // verify (2) because only 8 bytes of it are quoted; the quoted IPv4 header's verifies.
        assertThat(lines).containsExactly(
                "1,10.0.1.10,10.0.1.1,,,,,,",
                "2,10.0.1.1,10.0.1.10,,,,,,",
                ",,,11,0,1,1|1,2,10.0.1.10|10.0.2.10",
                ",,,3,1,1,1|1,2,10.0.1.10|10.0.2.10",
                ",,,,,,1,1,10.0.2.10");
    }

    /** The traceflow probe for TCP: a SYN with TTL as asked and a checksum tshark verifies. */
    @Test
    void readsATcpSynWithAGoodChecksum() throws Exception {
        byte[] b = new byte[128];
        int len = Tcp.synFrame(b, 0, new FrameAddresses(VM1_MAC, ROUTER_MAC, VM1, VM2), 9, 49152, 443, 0x01020304L);
        Path pcap = write(new Frame(b, 0, len));

        List<String> lines = Tshark.fields(pcap, "ip.ttl", "ip.proto", "tcp.srcport", "tcp.dstport", "tcp.seq_raw",
                "tcp.flags", "tcp.hdr_len", "tcp.window_size_value", "tcp.checksum.status", "ip.checksum.status");

        assertThat(len).isEqualTo(54);
        assertThat(lines).containsExactly("9,6,49152,443,16909060,0x0002,20,64240,1,1");
    }

    private record Frame(byte[] b, int off, int len) {
    }

    private Path write(Frame... frames) throws IOException {
        Path pcap = dir.resolve("capture.pcap");
        try (PcapWriter w = PcapWriter.create(pcap, PcapResolution.NANOSECONDS)) {
            for (Frame f : frames) {
                w.write(T0, f.b(), f.off(), f.len());
            }
        }
        return pcap;
    }
}
