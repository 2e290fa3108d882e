package org.netweave.hostagent;

import java.util.List;
import java.util.Map;

import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.proto.controller.v1.DlrState;

/**
 * Names the controller node that serves each DLR the host session holds. {@code HostSession}
 * knows (it placed every DLR at an owner's stream) but does not say, so the follower derives it;
 * once the session offers an accessor for it this interface goes away.
 */
@FunctionalInterface
public interface DlrControllerLocator {
    /**
     * The controller that sent each of {@code states}; a DLR is missing from the answer while its
     * sender is not known yet. Called on the follower's thread only, so it may block briefly.
     *
     * @param controllers the controllers the session was given, to ask when something is unknown
     */
    Map<DlrId, ControllerId> controllersOf(Map<DlrId, DlrState> states, List<ControllerAddress> controllers);
}
