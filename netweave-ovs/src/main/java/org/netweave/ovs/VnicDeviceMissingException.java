package org.netweave.ovs;

import java.util.Set;
import java.util.stream.Collectors;
import org.netweave.dataplane.DatapathWaitingException;
import org.netweave.model.PortId;

/**
 * A batch was installed except for vNIC ports whose devices are not in the switch's namespace
 * yet (the VM is bound to this host but not plugged). Applying the same state again, once the
 * devices are there, attaches them.
 */
public final class VnicDeviceMissingException extends DatapathWaitingException {
    private final Set<PortId> waiting;

    VnicDeviceMissingException(Set<PortId> waiting) {
        super("installed all but vNIC port(s) " + waiting.stream().map(p -> p + " (device " + OvsNames.vnicDevice(p) + ")")
                .collect(Collectors.joining(", ")) + ", whose devices are not plugged yet");
        this.waiting = Set.copyOf(waiting);
    }

    /** The vNIC ports that wait for their devices. */
    public Set<PortId> waiting() {
        return waiting;
    }
}
