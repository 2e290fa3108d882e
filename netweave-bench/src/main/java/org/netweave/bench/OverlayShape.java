package org.netweave.bench;

/**
 * The size of the routed overlay one host sees in a pipeline benchmark.
 *
 * @param switches           logical switches, each with a LIF of the one DLR
 * @param vms                VMs, spread round-robin over the switches
 * @param localVms           how many of them run on the benchmarked host (the traffic sources)
 * @param remoteVteps        the other hosts' VTEPs the remaining VMs sit behind
 * @param routes             Internet-like static routes via a gateway on each switch
 * @param flows              distinct flows (source port × destination address)
 * @param routedFlowsPercent share of flows to destinations via a static route rather than to a VM
 */
record OverlayShape(int switches, int vms, int localVms, int remoteVteps, int routes, int flows,
        int routedFlowsPercent) {
    /** VM1 (10.0.1.10, VNI 5000, local) to VM2 (10.0.2.10, VNI 5001, behind one remote VTEP). */
    static final OverlayShape ONE_FLOW = new OverlayShape(2, 2, 1, 1, 0, 1, 0);
    /** The realistic mix: 100 switches, 1,000 VMs, 50 remote VTEPs, 100,000 routes, 10,000 flows. */
    static final OverlayShape MIX = new OverlayShape(100, 1_000, 20, 50, 100_000, 10_000, 10);

    OverlayShape {
        if (switches < 2 || switches > 250 || vms < switches || vms > switches * 240 || localVms < 1
                || localVms >= vms || remoteVteps < 1 || remoteVteps > 250 || flows < 1
                || routedFlowsPercent < 0 || routedFlowsPercent > 100 || (routes == 0 && routedFlowsPercent > 0)) {
            throw new IllegalArgumentException("inconsistent overlay shape " + this);
        }
    }
}
