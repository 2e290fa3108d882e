package org.netweave.hostagent;

import java.util.List;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * What a host's control-plane session to the controller cluster is opened with: the host's VTEP
 * (its identity on the host channel) and the controllers to ask first. A change of either means a
 * new session, because a {@link org.netweave.controller.client.HostSession} fixes both when it is
 * made.
 *
 * @param controllers in the manager's order, which the session follows when it bootstraps
 */
public record SessionTarget(Ipv4Address vtep, List<ControllerAddress> controllers) {
    public SessionTarget {
        if (vtep == null || vtep.equals(Ipv4Address.ANY)) {
            throw new InvalidValueException("vtepIp", vtep, "is not a prepared VTEP");
        }
        controllers = List.copyOf(controllers);
        if (controllers.isEmpty()) {
            throw new InvalidValueException("controllers", controllers, "is empty");
        }
    }

    public List<String> controllerStrings() {
        return controllers.stream().map(ControllerAddress::value).toList();
    }
}
