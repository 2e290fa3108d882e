/**
 * The {@code ovs} datapath backend: the Datapath SPI on real Open vSwitch, in the layout of a
 * Neutron DVR compute node.
 *
 * <p>Three pure translations of a host's {@link org.netweave.ovs.HostState} (what the SPI's
 * change batches accumulate): {@link org.netweave.ovs.FlowTranslator} gives the OpenFlow flows
 * of br-int and br-tun, by named stages ({@link org.netweave.ovs.IntStage},
 * {@link org.netweave.ovs.TunStage}); {@link org.netweave.ovs.PortPlan} the OVS ports (VM and
 * qr- ports tagged with the VNI's local VLAN, one VXLAN port per remote VTEP);
 * {@link org.netweave.ovs.RouterPlan} one {@code qrouter-} namespace per DLR with the LIF
 * gateways on qr- devices, permanent neighbours and routes. {@link org.netweave.ovs.OvsDatapath}
 * applies the difference with ovs-vsctl, ovs-ofctl bundles and iproute2.
 *
 * <p>The path of a routed packet, vm1 (VNI 5000, host A) to vm2 (VNI 5001, host B): vm1 sends to
 * the gateway vMAC; br-int's NORMAL delivers it to the web LIF's qr- device in host A's qrouter namespace, which
 * routes it out of the app LIF's qr- device to vm2's MAC (a permanent neighbour); br-int floods it to br-tun,
 * where DVR_PROCESS replaces the shared vMAC source with host A's DVR MAC and UCAST_TO_TUN sends
 * it to host B's VTEP with VNI 5001. On host B, DVR_NOT_LEARN passes the frame (source: a remote
 * DVR MAC) to br-int, where DVR_TO_SRC_MAC gives it the gateway vMAC as source and TRANSIENT
 * outputs it to vm2's port.
 */
package org.netweave.ovs;
