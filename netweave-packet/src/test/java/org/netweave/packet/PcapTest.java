package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapTest {
    private static final long T0 = 1_700_000_000_123_456_789L;

    @Test
    void fileHeaderIsClassicLibpcapLittleEndian() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapWriter(out, PcapResolution.MICROSECONDS).close();
        // magic a1b2c3d4, version 2.4, thiszone 0, sigfigs 0, snaplen 65535, LINKTYPE_ETHERNET.
        assertThat(Hex.of(out.toByteArray(), 0, 24))
                .isEqualTo("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "ffff0000" + "01000000");
    }

    @Test
    void recordHeaderCarriesTimeAndLengths() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, PcapResolution.NANOSECONDS)) {
            w.write(T0, Hex.bytes("aabbccdd"), 1, 2);
        }
        byte[] b = out.toByteArray();
        assertThat(Hex.of(b, 0, 4)).isEqualTo("4d3cb2a1");
        // 1700000000 = 0x6553f100 seconds, 123456789 = 0x075bcd15 ns, 2 bytes captured of 2.
        assertThat(Hex.of(b, 24, 18)).isEqualTo("00f15365" + "15cd5b07" + "02000000" + "02000000" + "bbcc");
    }

    @Test
    void readerReadsBackWhatTheWriterWrote(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two.pcap");
        byte[] frame = Hex.bytes(IcmpFramesTest.ECHO_FRAME);
        try (PcapWriter w = PcapWriter.create(file, PcapResolution.MICROSECONDS)) {
            w.write(T0, frame, 0, frame.length);
            w.write(T0 + 1_000, frame, 14, 20);
        }
        List<PcapPacket> packets = PcapReader.readAll(file);
        assertThat(packets).containsExactly(
                new PcapPacket(T0 - 789, Octets.of(frame), frame.length),
                new PcapPacket(T0 + 1_000 - 789, Octets.copyOf(frame, 14, 20), 20));
        try (PcapReader r = PcapReader.open(file)) {
            assertThat(r.resolution()).isEqualTo(PcapResolution.MICROSECONDS);
            assertThat(r.linkType()).isEqualTo(PcapWriter.LINKTYPE_ETHERNET);
        }
    }

    @Test
    void framesLongerThanTheSnaplenAreCut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] jumbo = new byte[PcapWriter.SNAPLEN + 100];
        try (PcapWriter w = new PcapWriter(out, PcapResolution.NANOSECONDS)) {
            w.write(0, jumbo, 0, jumbo.length);
        }
        PcapPacket p = new PcapReader(new ByteArrayInputStream(out.toByteArray())).next();
        assertThat(p.data().length()).isEqualTo(PcapWriter.SNAPLEN);
        assertThat(p.originalLength()).isEqualTo(jumbo.length);
    }

    @Test
    void readerRefusesWhatIsNotPcap(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not.pcap");
        Files.write(file, new byte[24]);
        assertThatThrownBy(() -> PcapReader.readAll(file)).isInstanceOf(IOException.class).hasMessageContaining("magic");
        Files.write(file, new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertThatThrownBy(() -> PcapReader.readAll(file)).isInstanceOf(IOException.class);
    }
}
