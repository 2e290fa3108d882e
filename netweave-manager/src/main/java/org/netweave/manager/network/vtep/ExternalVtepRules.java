package org.netweave.manager.network.vtep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/** What an external VTEP and its MACs must satisfy. Pure. */
public final class ExternalVtepRules {
    private ExternalVtepRules() {
    }

    /** A unicast VTEP address. Loopback is allowed: emulated hosts use 127.x.y.z VTEPs. */
    public static Ipv4Address vtepIp(String text) {
        Ipv4Address ip = Fields.ipv4("vtepIp", text);
        if (ip.value() == 0 || ip.value() == -1 || ip.isMulticast()) {
            throw ApiException.invalid("vtepIp", "vtepIp: " + ip + " is not a unicast VTEP address");
        }
        return ip;
    }

    /** The bindings in request order, each a unicast MAC named once. */
    public static List<MacBinding> bindings(List<ExternalVtepBinding> raw) {
        Fields.required("bindings", raw);
        List<MacBinding> bindings = new ArrayList<>();
        Set<MacAddress> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String prefix = "bindings[" + i + "]";
            ExternalVtepBinding binding = Fields.required(prefix, raw.get(i));
            MacAddress mac = Fields.mac(prefix + ".mac", binding.mac());
            if (mac.isMulticast()) {
                throw ApiException.invalid(prefix + ".mac", prefix + ".mac: " + mac + " is a group address, not a station");
            }
            if (!seen.add(mac)) {
                throw ApiException.invalid(prefix + ".mac", "MAC " + mac + " is listed twice");
            }
            Ipv4Address ip = binding.ip() == null ? null : Fields.ipv4(prefix + ".ip", binding.ip());
            bindings.add(new MacBinding(mac, ip));
        }
        return bindings;
    }

    /**
     * The VTEP is not one of the manager's hosts, and each MAC is bound once per switch: not to
     * another external VTEP, not to a vNIC attached to the switch.
     *
     * @param bindings         in request order, so errors name {@code bindings[i].mac}
     * @param hostWithVtep     the host whose VTEP has this address, if any
     * @param otherVtepMacs    MACs bound to the switch's other external VTEPs → that VTEP
     * @param attachedVnicMacs MACs of vNICs attached to the switch → "vm-1 vNIC 0"
     */
    public static void checkConflicts(List<MacBinding> bindings, Optional<HostId> hostWithVtep,
                                      Map<MacAddress, Ipv4Address> otherVtepMacs, Map<MacAddress, String> attachedVnicMacs) {
        hostWithVtep.ifPresent(host -> {
            throw ApiException.conflict("vtepIp", "this address is the VTEP of host " + host + ", not an external VTEP");
        });
        for (int i = 0; i < bindings.size(); i++) {
            MacAddress mac = bindings.get(i).mac();
            String field = "bindings[" + i + "].mac";
            if (otherVtepMacs.containsKey(mac)) {
                throw ApiException.conflict(field, "MAC " + mac + " is already bound to external VTEP " + otherVtepMacs.get(mac)
                        + " on this logical switch");
            }
            if (attachedVnicMacs.containsKey(mac)) {
                throw ApiException.conflict(field, "MAC " + mac + " belongs to " + attachedVnicMacs.get(mac)
                        + ", attached to this logical switch");
            }
        }
    }
}
