package org.netweave.dataplane;

/** NSX's two kinds of DLR logical interface; both route the same way on the host. */
public enum LifType {
    /** Faces the tenant's logical switches (NSX interface index 10–999). */
    INTERNAL,
    /** Faces the upstream edge or physical router (NSX interface index 1–9). */
    UPLINK
}
