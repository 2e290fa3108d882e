package org.netweave.controller.runtime;

import org.netweave.model.InvalidValueException;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * What a LIF connects its DLR to: one logical switch or one VLAN, never both. A sealed type
 * rather than two nullable fields, so a LIF with both or neither cannot be built; {@link #of}
 * is the door for the wire's oneof and refuses both or neither by name.
 */
public sealed interface LifSegment permits LifSegment.Vxlan, LifSegment.Vlan {

    /** The CLI's Type column: {@code vxlan} or {@code vlan}. */
    String type();

    /** The CLI's Id column: the VNI or the VLAN id. */
    int id();

    /** A LIF on a logical switch. */
    record Vxlan(Vni vni) implements LifSegment {
        public Vxlan {
            Fields.present("vni", vni);
        }

        @Override
        public String type() {
            return "vxlan";
        }

        @Override
        public int id() {
            return vni.value();
        }
    }

    /** A LIF on a VLAN of the physical network; it has a designated instance. */
    record Vlan(VlanId vlan) implements LifSegment {
        public Vlan {
            Fields.present("vlan", vlan);
        }

        @Override
        public String type() {
            return "vlan";
        }

        @Override
        public int id() {
            return vlan.value();
        }
    }

    static LifSegment vxlan(Vni vni) {
        return new Vxlan(vni);
    }

    static LifSegment vlan(VlanId vlan) {
        return new Vlan(vlan);
    }

    /** Exactly one of {@code vni} and {@code vlan} must be given (the other null). */
    static LifSegment of(Vni vni, VlanId vlan) {
        if (vni != null && vlan != null) {
            throw new InvalidValueException("segment", "vni " + vni + " and vlan " + vlan,
                    "names both a VNI and a VLAN; a LIF connects to exactly one");
        }
        if (vni == null && vlan == null) {
            throw new InvalidValueException("segment", null, "is missing; a LIF connects to one VNI or one VLAN");
        }
        return vni != null ? new Vxlan(vni) : new Vlan(vlan);
    }
}
