package org.netweave.ovs;

/**
 * A pipeline stage: one OpenFlow table of one bridge. Code, golden tests and logs name stages;
 * only {@link #table()} knows the number, and only the ovs-ofctl rendering uses it.
 */
public sealed interface Stage permits IntStage, TunStage {

    OvsBridge bridge();

    int table();

    String name();

    /** The stage that owns a table of a bridge, for reading {@code ovs-ofctl dump-flows} back. */
    static Stage of(OvsBridge bridge, int table) {
        Stage[] stages = bridge == OvsBridge.INT ? IntStage.values() : TunStage.values();
        for (Stage s : stages) {
            if (s.table() == table) {
                return s;
            }
        }
        throw new IllegalArgumentException(bridge.deviceName() + " has no stage for table " + table);
    }
}
