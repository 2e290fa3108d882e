/**
 * The host agent (NSX-V's netcpa, the Neutron L2/L3 agents): the part of a hypervisor that follows
 * the manager and the controller cluster.
 *
 * <p>This first piece follows the manager's host configuration. {@link
 * org.netweave.hostagent.HostConfigFollower} keeps the {@code HostConfigChannel} stream open,
 * decodes each configuration into model types ({@link org.netweave.hostagent.HostDesiredState},
 * pure), computes the steps from what is installed ({@link org.netweave.hostagent.HostDiff}, pure)
 * and carries them out on the host's session to the controller cluster: the session opens once the
 * host has a VTEP and a controller list, every DLR the host holds is joined at its owning
 * controller, which then pushes the DLR's LIFs and routes, and a DLR the configuration drops is
 * left there. The follower reports the applied generation and, per DLR, the controller node the
 * session joined it at (once that node has answered) and what it sent, so the manager's DLR
 * deployment job sees each instance come up. Without the manager the host keeps what it applied
 * (headless) and resubscribes.
 *
 * <p>Next comes the reconciler into the datapath: the same desired-versus-installed step for the
 * VNIs joined when a vNIC comes up, the LIFs, routes, neighbours and MAC-to-VTEP tables, ARP
 * suppression, and a full resync after a restart or reconnect.
 */
package org.netweave.hostagent;
