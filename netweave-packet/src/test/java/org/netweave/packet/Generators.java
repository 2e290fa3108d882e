package org.netweave.packet;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.quicktheories.core.Gen;

/** QuickTheories generators for every header record, covering the whole range of every field. */
final class Generators {
    private static final int MAX_BODY = 300;

    private Generators() {
    }

    static Gen<Integer> u8() {
        return integers().between(0, 0xFF);
    }

    static Gen<Integer> u16() {
        return integers().between(0, 0xFFFF);
    }

    static Gen<Integer> u24() {
        return integers().between(0, 0xFF_FFFF);
    }

    static Gen<Long> macValues() {
        return longs().between(0, MacAddress.MASK);
    }

    static Gen<MacAddress> macs() {
        return macValues().map(MacAddress::of);
    }

    static Gen<Ipv4Address> ips() {
        return integers().all().map(Ipv4Address::of);
    }

    static Gen<Octets> octets(int maxLength) {
        return lists().of(integers().between(-128, 127)).ofSizeBetween(0, maxLength).map(Generators::toOctets);
    }

    static Gen<Octets> ipv4Options() {
        return in -> {
            int words = integers().between(0, 10).generate(in);
            return toOctets(lists().of(integers().between(-128, 127)).ofSize(words * 4).generate(in));
        };
    }

    static Gen<EthernetHeader> ethernetHeaders() {
        return in -> new EthernetHeader(macs().generate(in), macs().generate(in), u16().generate(in));
    }

    static Gen<VlanTag> vlanTags() {
        return in -> new VlanTag(integers().between(0, 7).generate(in), booleans().all().generate(in),
                integers().between(0, 0xFFF).generate(in), u16().generate(in));
    }

    static Gen<ArpPacket> arpPackets() {
        return in -> new ArpPacket(integers().between(1, 2).generate(in), macs().generate(in), ips().generate(in),
                macs().generate(in), ips().generate(in));
    }

    static Gen<Ipv4Header> ipv4Headers() {
        return in -> {
            Octets options = ipv4Options().generate(in);
            int headerLen = Ipv4.MIN_HEADER_LENGTH + options.length();
            return new Ipv4Header(u8().generate(in), integers().between(headerLen, headerLen + MAX_BODY).generate(in),
                    u16().generate(in), integers().between(0, 7).generate(in),
                    integers().between(0, 0x1FFF).generate(in), u8().generate(in), u8().generate(in),
                    ips().generate(in), ips().generate(in), options);
        };
    }

    static Gen<IcmpMessage> icmpMessages() {
        return in -> new IcmpMessage(u8().generate(in), u8().generate(in), integers().all().generate(in),
                octets(MAX_BODY).generate(in));
    }

    static Gen<UdpHeader> udpHeaders() {
        return in -> new UdpHeader(u16().generate(in), u16().generate(in),
                integers().between(Udp.HEADER_LENGTH, Udp.HEADER_LENGTH + MAX_BODY).generate(in), u16().generate(in));
    }

    static Gen<VxlanHeader> vxlanHeaders() {
        return in -> {
            int flags = u8().generate(in) | Vxlan.FLAG_I;
            int traceId = (flags & Vxlan.FLAG_TRACE) != 0 ? u24().generate(in) : 0;
            return new VxlanHeader(flags, u24().generate(in), traceId);
        };
    }

    private static Octets toOctets(List<Integer> values) {
        byte[] b = new byte[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = values.get(i).byteValue();
        }
        return Octets.of(b);
    }
}
