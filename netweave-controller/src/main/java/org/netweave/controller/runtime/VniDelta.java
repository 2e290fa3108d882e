package org.netweave.controller.runtime;

import java.util.List;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * A change to a VNI's tables that the owner pushes to every host joined to the VNI (the wire's
 * {@code VniDelta}). Applying it to the previous tables gives the new ones: an added row replaces
 * any row with the same key (VTEP IP, MAC, IP), so a MAC that moved to another host arrives as
 * added with its new VTEP, never as removed and added; a removed key is deleted.
 *
 * <p>The delta holds only what hosts can see. A row that changed nothing but its connection (the
 * same host reporting again over a new stream) is not in it, so an operation that changes
 * nothing a host sees returns an {@linkplain #isEmpty() empty} delta and the owner sends nothing.
 * Lists are sorted by key. Added rows carry the Connection-ID for logs and views; the wire's
 * {@code VniDelta} drops it.
 */
public record VniDelta(Vni vni, List<VtepRow> vtepsAdded, List<Ipv4Address> vtepsRemoved, List<MacRow> macsAdded,
        List<MacAddress> macsRemoved, List<ArpRow> arpsAdded, List<Ipv4Address> arpsRemoved) {
    public VniDelta {
        Fields.present("vni", vni);
        vtepsAdded = List.copyOf(vtepsAdded);
        vtepsRemoved = List.copyOf(vtepsRemoved);
        macsAdded = List.copyOf(macsAdded);
        macsRemoved = List.copyOf(macsRemoved);
        arpsAdded = List.copyOf(arpsAdded);
        arpsRemoved = List.copyOf(arpsRemoved);
    }

    public static VniDelta empty(Vni vni) {
        return new VniDelta(vni, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Whether nothing a host sees changed, so there is nothing to push. */
    public boolean isEmpty() {
        return vtepsAdded.isEmpty() && vtepsRemoved.isEmpty() && macsAdded.isEmpty() && macsRemoved.isEmpty()
                && arpsAdded.isEmpty() && arpsRemoved.isEmpty();
    }
}
