package org.netweave.controller.runtime;

import java.util.Comparator;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * One row of a VNI's MAC table (NSX columns VNI, MAC, VTEP-IP, Connection-ID): a VM's MAC and the
 * VTEP of the host it runs on, as that host last reported it.
 *
 * @param connection the stream that reported it, so a later removal or disconnect of another
 *                   stream cannot delete an entry that has moved (vMotion)
 */
public record MacRow(Vni vni, MacAddress mac, Ipv4Address vtepIp, ConnectionId connection) {
    static final Comparator<MacRow> ORDER = Comparator.comparing(MacRow::vni).thenComparing(MacRow::mac)
            .thenComparing(MacRow::connection);

    public MacRow {
        Fields.present("vni", vni);
        Fields.present("mac", mac);
        Fields.present("vtepIp", vtepIp);
        Fields.present("connectionId", connection);
        requireUnicast(mac);
    }

    /** Whether a host would see no difference between the two rows (they differ at most in connection). */
    public boolean sameForHosts(MacRow other) {
        return other != null && mac.equals(other.mac) && vtepIp.equals(other.vtepIp);
    }

    /** A VM's MAC is a unicast address; a group or zero MAC in a report is a host bug, not a VM. */
    static void requireUnicast(MacAddress mac) {
        if (mac.isMulticast() || mac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("mac", mac.toString(), "must be a unicast MAC");
        }
    }
}
