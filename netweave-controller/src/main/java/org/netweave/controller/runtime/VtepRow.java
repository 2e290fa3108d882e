package org.netweave.controller.runtime;

import java.util.Comparator;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * One row of a VNI's VTEP table (NSX columns VNI, IP, Segment, MAC, Connection-ID): a host's VTEP
 * that joined the VNI. Hosts use the segment to pick one replication proxy per remote segment.
 *
 * @param connection the stream that joined; hosts are sent the row without it
 */
public record VtepRow(Vni vni, Ipv4Address ip, Ipv4Prefix segment, MacAddress mac, ConnectionId connection) {
    static final Comparator<VtepRow> ORDER = Comparator.comparing(VtepRow::vni).thenComparing(VtepRow::ip)
            .thenComparing(VtepRow::connection);

    public VtepRow {
        Fields.present("vni", vni);
        Fields.present("vtepIp", ip);
        Fields.present("segment", segment);
        Fields.present("vtepMac", mac);
        Fields.present("connectionId", connection);
        if (!segment.contains(ip)) {
            throw new InvalidValueException("segment", segment.toString(), "does not contain VTEP " + ip);
        }
        if (ip.isMulticast() || ip.equals(Ipv4Address.ANY)) {
            throw new InvalidValueException("vtepIp", ip.toString(), "must be a unicast address");
        }
        if (mac.isMulticast() || mac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("vtepMac", mac.toString(), "must be a unicast MAC");
        }
    }

    /** Whether a host would see no difference between the two rows (they differ at most in connection). */
    public boolean sameForHosts(VtepRow other) {
        return other != null && ip.equals(other.ip) && segment.equals(other.segment) && mac.equals(other.mac);
    }
}
