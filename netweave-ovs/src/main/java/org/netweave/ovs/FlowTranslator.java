package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Vni;
import org.netweave.ovs.HostState.SwitchState;

/**
 * The pure translation of a host's desired state into the flows of br-int and br-tun in Neutron's
 * DVR layout ({@code reference/neutron-dvr.md} §1). No I/O, no clock: the same state always gives
 * the same sorted flows, which is what the golden tests and the delta installer rely on.
 */
public final class FlowTranslator {
    /** br-int's end of the patch pair between the bridges. */
    static final String PATCH_TUN = "patch-tun";
    /** br-tun's end of the patch pair between the bridges. */
    static final String PATCH_INT = "patch-int";

    private FlowTranslator() {
    }

    public static List<Flow> translate(HostState state) {
        Context ctx = Context.of(state);
        FlowSet flows = new FlowSet();
        IntBridgeFlows.build(ctx, flows);
        TunBridgeFlows.build(ctx, flows);
        return flows.sorted();
    }

    /** The remote VTEPs this host needs a VXLAN port to: flood lists and l2pop entries, not itself. */
    public static SortedSet<Ipv4Address> tunnelVteps(HostState state) {
        TreeSet<Ipv4Address> vteps = new TreeSet<>();
        for (SwitchState s : state.switches().values()) {
            vteps.addAll(s.floodVteps());
            vteps.addAll(s.allRemoteMacs().values());
        }
        vteps.remove(state.config().vtepIp());
        return vteps;
    }

    /**
     * What the per-bridge builders share: the state, each VNI's local VLAN, and each DVR subnet's
     * LIF (a logical switch belongs to at most one DLR, so at most one LIF per VNI).
     */
    record Context(HostState state, SortedMap<Vni, Lif> lifByVni, SortedMap<Vni, String> qrByVni) {
        static Context of(HostState state) {
            TreeMap<Vni, Lif> lifs = new TreeMap<>();
            TreeMap<Vni, String> qr = new TreeMap<>();
            state.routers().values().forEach(r -> r.lifs().values().forEach(l -> {
                lifs.put(l.vni(), l);
                qr.put(l.vni(), OvsNames.qrDevice(r.id(), l.id()));
            }));
            return new Context(state, lifs, qr);
        }

        int lvid(Vni vni) {
            return state.vlans().of(vni);
        }

        String dvrMac() {
            return state.config().routerMac().toString();
        }

        List<VnicPort> localPorts(Vni vni) {
            List<VnicPort> ports = new ArrayList<>();
            state.ports().values().stream().filter(p -> p.vni().equals(vni)).forEach(ports::add);
            return ports;
        }
    }
}
