/**
 * The DLR control VM: the routing half of a distributed logical router. It connects back to the
 * manager after power-on ({@link org.netweave.controlvm.ControlVm}), receives the DLR's
 * configuration, resolves its static routes and default gateway to LIFs in a pure function
 * ({@link org.netweave.controlvm.ForwardingTableBuilder}), and pushes the resulting forwarding
 * table to the DLR's owning controller node, which alone passes it on to hosts. It reports every
 * configuration generation it holds and every one the controller applied back to the manager.
 *
 * <p>Information flow: configuration down the manager's Connect stream, the forwarding table
 * sideways to the controller cluster, status (config and published generations) up to the manager.
 */
package org.netweave.controlvm;
