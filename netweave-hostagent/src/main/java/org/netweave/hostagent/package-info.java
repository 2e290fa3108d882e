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
 * <p>{@link org.netweave.hostagent.HostAgent} adds the reconciler into the host's datapath
 * ({@link org.netweave.hostagent.DatapathReconciler}, the follower's {@link
 * org.netweave.hostagent.HostRealizer}): it joins every VNI a connected local vNIC or a local DLR's
 * LIF needs at its owner, reporting the vNICs' MAC and IP bindings
 * ({@link org.netweave.hostagent.VniJoins}, pure); translates the configuration and the owners'
 * tables into the wanted datapath tables ({@link org.netweave.hostagent.DatapathDesired}, pure);
 * and applies only the difference from what it installed ({@link
 * org.netweave.hostagent.DatapathDiff}, pure), or everything again after a new session, a manager
 * reconnect or the control plane coming back in sync. A generation is reported applied only once
 * the datapath took it. With every controller gone the owners' last tables are kept and the host
 * forwards with them; its view says the control plane is out of sync.
 */
package org.netweave.hostagent;
