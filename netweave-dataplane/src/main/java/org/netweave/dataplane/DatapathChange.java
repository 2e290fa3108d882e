package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;

/**
 * One change to a host's data-plane state. The host agent computes the difference between the
 * desired and the installed state and hands it over as a batch; a backend applies a batch
 * atomically with respect to packets (no packet sees half of it).
 *
 * <p>"Put" changes are idempotent upserts; "Remove" of something absent is a no-op, so a
 * reconciler can resend after a reconnect without special cases.
 */
public sealed interface DatapathChange {

    record PutLogicalSwitch(LogicalSwitchSpec spec) implements DatapathChange {
        public PutLogicalSwitch {
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** Removes the switch with its tables; ports, LIFs and bridges on it must be removed first. */
    record RemoveLogicalSwitch(Vni vni) implements DatapathChange {
        public RemoveLogicalSwitch {
            Objects.requireNonNull(vni, "vni");
        }
    }

    record PutVtep(Vni vni, VtepRecord vtep) implements DatapathChange {
        public PutVtep {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(vtep, "vtep");
        }
    }

    record RemoveVtep(Vni vni, Ipv4Address vtepIp) implements DatapathChange {
        public RemoveVtep {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(vtepIp, "vtepIp");
        }
    }

    /** A remote VM MAC and the VTEP it sits behind, as the VNI's controller reports it. */
    record PutRemoteMac(Vni vni, MacAddress mac, Ipv4Address vtepIp) implements DatapathChange {
        public PutRemoteMac {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(vtepIp, "vtepIp");
        }
    }

    record RemoveRemoteMac(Vni vni, MacAddress mac) implements DatapathChange {
        public RemoveRemoteMac {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(mac, "mac");
        }
    }

    /** An IP → MAC binding on a logical switch: feeds ARP suppression and the DLR's next-hop resolution. */
    record PutArpEntry(Vni vni, Ipv4Address ip, MacAddress mac) implements DatapathChange {
        public PutArpEntry {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(mac, "mac");
        }
    }

    record RemoveArpEntry(Vni vni, Ipv4Address ip) implements DatapathChange {
        public RemoveArpEntry {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(ip, "ip");
        }
    }

    record PutExternalVtep(Vni vni, ExternalVtep vtep) implements DatapathChange {
        public PutExternalVtep {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(vtep, "vtep");
        }
    }

    record RemoveExternalVtep(Vni vni, Ipv4Address vtepIp) implements DatapathChange {
        public RemoveExternalVtep {
            Objects.requireNonNull(vni, "vni");
            Objects.requireNonNull(vtepIp, "vtepIp");
        }
    }

    record AttachPort(VnicPort port) implements DatapathChange {
        public AttachPort {
            Objects.requireNonNull(port, "port");
        }
    }

    record DetachPort(PortId portId) implements DatapathChange {
        public DetachPort {
            Objects.requireNonNull(portId, "portId");
        }
    }

    /** Creates the DLR instance with its id only, as seed 000 step 5 does; LIFs and routes follow. */
    record PutDlr(DlrId dlrId) implements DatapathChange {
        public PutDlr {
            Objects.requireNonNull(dlrId, "dlrId");
        }
    }

    record RemoveDlr(DlrId dlrId) implements DatapathChange {
        public RemoveDlr {
            Objects.requireNonNull(dlrId, "dlrId");
        }
    }

    record PutLif(DlrId dlrId, Lif lif) implements DatapathChange {
        public PutLif {
            Objects.requireNonNull(dlrId, "dlrId");
            Objects.requireNonNull(lif, "lif");
        }
    }

    record RemoveLif(DlrId dlrId, LifId lifId) implements DatapathChange {
        public RemoveLif {
            Objects.requireNonNull(dlrId, "dlrId");
            Objects.requireNonNull(lifId, "lifId");
        }
    }

    record PutRoute(DlrId dlrId, StaticRoute route) implements DatapathChange {
        public PutRoute {
            Objects.requireNonNull(dlrId, "dlrId");
            Objects.requireNonNull(route, "route");
        }
    }

    record RemoveRoute(DlrId dlrId, Ipv4Prefix prefix) implements DatapathChange {
        public RemoveRoute {
            Objects.requireNonNull(dlrId, "dlrId");
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    record PutBridge(Bridge bridge) implements DatapathChange {
        public PutBridge {
            Objects.requireNonNull(bridge, "bridge");
        }
    }

    record RemoveBridge(BridgeId bridgeId) implements DatapathChange {
        public RemoveBridge {
            Objects.requireNonNull(bridgeId, "bridgeId");
        }
    }
}
