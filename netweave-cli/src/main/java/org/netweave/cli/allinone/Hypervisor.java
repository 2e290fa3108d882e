package org.netweave.cli.allinone;

import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.hostagent.HostAgent;

/**
 * One emulated ESXi host: its datapath (the kernel modules: VDS, VXLAN, DLR, bridge) and its host
 * agent. The agent can be restarted; the datapath stays and goes on forwarding meanwhile.
 */
public final class Hypervisor {
    private final LabHost host;
    private final EmulatedHost datapath;
    private volatile HostAgent agent;

    Hypervisor(LabHost host, EmulatedHost datapath, HostAgent agent) {
        this.host = host;
        this.datapath = datapath;
        this.agent = agent;
    }

    public LabHost host() {
        return host;
    }

    public EmulatedHost datapath() {
        return datapath;
    }

    public HostAgent agent() {
        return agent;
    }

    void replaceAgent(HostAgent next) {
        agent = next;
    }
}
