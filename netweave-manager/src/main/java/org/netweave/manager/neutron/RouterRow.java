package org.netweave.manager.neutron;

import org.netweave.model.DlrId;

/** A Neutron router as stored: the DLR it is, and what Neutron adds to it. */
record RouterRow(NeutronRouterId id, DlrId dlr, String name, String projectId, boolean adminStateUp,
                 boolean distributed) {
}
