package org.netweave.controller.runtime;

import java.util.Comparator;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * One row of a VNI's ARP table (NSX columns VNI, IP, MAC, Connection-ID): an IP-to-MAC binding a
 * host learned by ARP or DHCP snooping, used for ARP suppression.
 *
 * @param connection the stream that reported it, so a later removal or disconnect of another
 *                   stream cannot delete a binding that has moved
 */
public record ArpRow(Vni vni, Ipv4Address ip, MacAddress mac, ConnectionId connection) {
    static final Comparator<ArpRow> ORDER = Comparator.comparing(ArpRow::vni).thenComparing(ArpRow::ip)
            .thenComparing(ArpRow::connection);
    private static final Ipv4Address LIMITED_BROADCAST = Ipv4Address.of(-1);

    public ArpRow {
        Fields.present("vni", vni);
        Fields.present("ip", ip);
        Fields.present("mac", mac);
        Fields.present("connectionId", connection);
        requireHostAddress(ip);
        MacRow.requireUnicast(mac);
    }

    /** Whether a host would see no difference between the two rows (they differ at most in connection). */
    public boolean sameForHosts(ArpRow other) {
        return other != null && ip.equals(other.ip) && mac.equals(other.mac);
    }

    /** Only a unicast address can be an ARP answer; anything else in a report is a host bug. */
    static void requireHostAddress(Ipv4Address ip) {
        if (ip.equals(Ipv4Address.ANY) || ip.isMulticast() || ip.equals(LIMITED_BROADCAST)) {
            throw new InvalidValueException("ip", ip.toString(), "must be a unicast address");
        }
    }
}
