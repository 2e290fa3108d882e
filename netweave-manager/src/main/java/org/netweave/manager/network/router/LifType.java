package org.netweave.manager.network.router;

/** The kind of a DLR interface; it decides the index range (NSX: uplinks 1-9, internals 10-999). */
public enum LifType {
    INTERNAL(10, 999),
    UPLINK(1, 9);

    private final int firstIndex;
    private final int lastIndex;

    LifType(int firstIndex, int lastIndex) {
        this.firstIndex = firstIndex;
        this.lastIndex = lastIndex;
    }

    public int firstIndex() {
        return firstIndex;
    }

    public int lastIndex() {
        return lastIndex;
    }

    public int capacity() {
        return lastIndex - firstIndex + 1;
    }

    public static LifType ofIndex(int index) {
        for (LifType type : values()) {
            if (index >= type.firstIndex && index <= type.lastIndex) {
                return type;
            }
        }
        throw new IllegalArgumentException("LIF index " + index + " is outside 1-999");
    }
}
