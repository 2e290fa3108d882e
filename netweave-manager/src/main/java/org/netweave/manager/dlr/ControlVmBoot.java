package org.netweave.manager.dlr;

import java.util.List;

import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.VmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the manager starts, the control VMs the inventory holds as powered on boot again: in the
 * all-in-one mode their guests ran in the manager's JVM and went with it; they connect back and
 * get their configuration from the reconciler or their resumed deployment job.
 */
public final class ControlVmBoot {
    private static final Logger LOG = LoggerFactory.getLogger(ControlVmBoot.class);

    private ControlVmBoot() {
    }

    public static void powerOnAll(Store store, ControlVmLauncher launcher) {
        record Guest(VmId vm, DlrId dlr) {
        }
        List<Guest> guests = store.read(handle -> handle.createQuery(
                        "SELECT id, dlr_id FROM vm WHERE kind = 'CONTROL_VM' AND power_state = 'POWERED_ON' "
                                + "AND dlr_id IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> new Guest(VmId.of(rs.getString(1)), DlrId.of(rs.getString(2)))).list());
        guests.forEach(guest -> launcher.powerOn(guest.vm(), guest.dlr()));
        if (!guests.isEmpty()) {
            LOG.info("booted {} control VM(s) the inventory holds as powered on: {}", guests.size(),
                    guests.stream().map(Guest::vm).toList());
        }
    }
}
