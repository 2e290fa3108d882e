package org.netweave.manager.neutron;

import org.netweave.model.LogicalSwitchId;

/** A Neutron network as stored: the logical switch it is, and what Neutron adds to it. */
record NetworkRow(NeutronNetworkId id, LogicalSwitchId logicalSwitch, String name, String projectId,
                  boolean adminStateUp, boolean shared, int mtu) {
}
