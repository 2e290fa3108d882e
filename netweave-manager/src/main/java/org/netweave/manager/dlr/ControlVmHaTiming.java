package org.netweave.manager.dlr;

import java.time.Duration;

/** How the two control VMs of an HA pair watch each other: NSX-V's heartbeat interval and dead time. */
public record ControlVmHaTiming(Duration heartbeat, Duration deadTime) {
    public static final ControlVmHaTiming NSX_DEFAULTS = new ControlVmHaTiming(Duration.ofSeconds(3), Duration.ofSeconds(15));

    public ControlVmHaTiming {
        if (heartbeat.isNegative() || heartbeat.isZero() || deadTime.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("the dead time " + deadTime + " must be longer than the heartbeat "
                    + heartbeat);
        }
    }
}
