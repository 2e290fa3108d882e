package org.netweave.packet;

import org.netweave.model.MacAddress;

/**
 * An Ethernet II header as a value, for the slow path, tests and tools; the layout is drawn on
 * {@link Ethernet}.
 *
 * <p>The EtherType is kept as the raw 16-bit field. Values below {@code 0x0600} are IEEE 802.3
 * lengths, which Netweave never sends; the decoder does not judge them, the forwarding code
 * drops what it does not know.
 */
public record EthernetHeader(MacAddress dst, MacAddress src, int etherType) {
    private static final String NAME = "Ethernet";

    public EthernetHeader {
        Fields.requireNonNull("dst", dst);
        Fields.requireNonNull("src", src);
        Fields.requireU16("etherType", etherType);
    }

    public static EthernetHeader decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, Ethernet.HEADER_LENGTH);
        return new EthernetHeader(MacAddress.of(Ethernet.dst(b, off)), MacAddress.of(Ethernet.src(b, off)),
                Ethernet.etherType(b, off));
    }

    public int encode(byte[] b, int off) {
        Ethernet.write(b, off, dst.value(), src.value(), etherType);
        return Ethernet.HEADER_LENGTH;
    }

    public int encodedLength() {
        return Ethernet.HEADER_LENGTH;
    }
}
