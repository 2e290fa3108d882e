/**
 * Allocation-free packet codecs over {@code byte[]}: Ethernet II, 802.1Q, ARP, IPv4, ICMP, UDP
 * and VXLAN, frame builders for the slow paths, VXLAN encapsulation for the hot path, and pcap.
 *
 * <p>Every header comes in two layers:
 * <ul>
 * <li>a flyweight ({@link org.netweave.packet.Ethernet}, {@link org.netweave.packet.Ipv4},
 *     {@link org.netweave.packet.Vxlan}, ...): static accessors and mutators on the bytes in
 *     place, small enough to inline, no checks beyond the JVM's array bounds. The forwarding
 *     path uses only these, after one boolean validator per packet
 *     ({@link org.netweave.packet.Ipv4#isHeaderValid}, {@link org.netweave.packet.Vxlan#isValid},
 *     {@link org.netweave.packet.VxlanDecapsulator#isVxlan}, ...) that never throws;
 * <li>a record ({@link org.netweave.packet.EthernetHeader},
 *     {@link org.netweave.packet.Ipv4Header}, ...) with {@code decode(b, off, len)} and
 *     {@code encode(b, off)}, for the control and slow paths, tools and tests.
 *     {@code decode(encode(x)).equals(x)}, and {@code decode} throws nothing but
 *     {@link org.netweave.packet.MalformedPacketException}, whatever the input.
 * </ul>
 *
 * <p>Multi-byte fields are read and written in network order through
 * {@link org.netweave.packet.Bytes}. MAC addresses are the low 48 bits of a {@code long} and
 * IPv4 addresses an {@code int}, as {@code org.netweave.model.MacAddress#value()} and
 * {@code Ipv4Address#value()} hold them, so hot code never boxes.
 */
package org.netweave.packet;
