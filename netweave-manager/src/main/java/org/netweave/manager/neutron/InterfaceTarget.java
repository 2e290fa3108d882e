package org.netweave.manager.neutron;

/**
 * What add/remove_router_interface names: a subnet or a port, exactly one of them.
 *
 * @param subnet the subnet, or null
 * @param port   the port, or null
 */
record InterfaceTarget(NeutronSubnetId subnet, NeutronPortId port) {
    static InterfaceTarget of(NeutronBody body) {
        String subnet = body.text("subnet_id").orElse(null);
        String port = body.text("port_id").orElse(null);
        if (subnet != null && port != null) {
            throw NeutronException.badRequest("router", "Cannot specify both subnet-id and port-id");
        }
        if (subnet == null && port == null) {
            throw NeutronException.badRequest("router", "Either subnet_id or port_id must be specified");
        }
        return new InterfaceTarget(subnet == null ? null : new NeutronSubnetId(subnet),
                port == null ? null : new NeutronPortId(port));
    }
}
