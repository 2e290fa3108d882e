package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a host's VMkernel ports. ESXi lets an operator tick every service on one VMkernel port,
 * but then management, vMotion, fault tolerance and IP storage traffic share one channel and
 * interfere, and the services fail under load (seed 004); production hosts give each service its
 * own port. Pure: ports in, status out.
 */
public final class HostHealth {
    private HostHealth() {
    }

    public static HostStatusView assess(Collection<VmkernelPort> ports) {
        Set<VmkernelService> used = EnumSet.noneOf(VmkernelService.class);
        ports.forEach(port -> port.services().stream().filter(VmkernelService::isOperatorTraffic).forEach(used::add));
        List<String> warnings = new ArrayList<>();
        if (used.size() >= 2) {
            for (VmkernelPort port : ports) {
                if (port.services().containsAll(used)) {
                    warnings.add(sharedPortWarning(port.device(), used));
                }
            }
        }
        return HostStatusView.of(warnings);
    }

    private static String sharedPortWarning(String device, Set<VmkernelService> services) {
        String names = services.stream().map(Enum::name).collect(Collectors.joining(", "));
        return device + " carries every VMkernel service of this host (" + names + "): their traffic shares one"
                + " channel and interferes, so HA heartbeats, vMotion, fault tolerance or storage can fail under"
                + " load; give each service its own VMkernel port";
    }
}
