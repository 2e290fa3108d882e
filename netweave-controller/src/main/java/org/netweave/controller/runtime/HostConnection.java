package org.netweave.controller.runtime;

import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * One row of the connection table: a host's channel to this node (NSX columns Host-IP, Port, ID).
 *
 * @param id     the id this node gave the stream
 * @param host   the host at the other end; tables are compared by it across reconnects
 * @param hostIp the host's management address, as the CLI shows it
 * @param port   the host's source port of the stream (1–65535)
 */
public record HostConnection(ConnectionId id, HostId host, Ipv4Address hostIp, int port) {
    public HostConnection {
        Fields.present("connectionId", id);
        Fields.present("hostId", host);
        Fields.present("hostIp", hostIp);
        if (port < 1 || port > 0xFFFF) {
            throw new InvalidValueException("port", port, "is outside 1-65535");
        }
    }
}
