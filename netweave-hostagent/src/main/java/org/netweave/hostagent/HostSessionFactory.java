package org.netweave.hostagent;

import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.model.HostId;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Vtep;

/**
 * Makes the host's session to the controller cluster once the configuration names a VTEP and
 * the controllers. The follower owns what it gets: it starts it, joins and leaves DLRs on it, and
 * closes it.
 */
@FunctionalInterface
public interface HostSessionFactory {
    /**
     * The source port the connection tables show for the host. gRPC does not expose a stream's
     * local port, and the host IP already tells hosts apart, so every host reports the same one.
     */
    int REPORTED_PORT = 40_000;

    HostSession open(HostId host, SessionTarget target);

    /**
     * Sessions over shared controller channels. The host IP on the host channel is the VTEP IP,
     * the only address of the host the configuration carries. The configuration carries neither
     * the VTEP's subnet nor its MAC: the segment is the VTEP alone (a /32, so unicast replication
     * treats the host as its own segment) and the MAC is left 0.
     */
    static HostSessionFactory over(ControllerChannels channels, SliceSpace space) {
        return (host, target) -> {
            Vtep vtep = Vtep.newBuilder().setIp(target.vtep().value())
                    .setSegment(Ipv4Prefix.newBuilder().setAddress(target.vtep().value()).setLength(32)).build();
            return new HostSession(host, target.vtep(), REPORTED_PORT, vtep, target.controllerStrings(), channels, space);
        };
    }

    /**
     * Sessions that describe the VTEP as the host's datapath has it: its segment and its MAC. The
     * owners refuse to let a VTEP without a unicast MAC join a VNI, so a host with vNICs needs this.
     * The VTEP address still comes from the configuration; the agent refuses a configuration whose
     * VTEP is not the datapath's.
     */
    static HostSessionFactory over(ControllerChannels channels, SliceSpace space, HostDatapathConfig datapath) {
        return (host, target) -> {
            Vtep vtep = Vtep.newBuilder().setIp(target.vtep().value()).setMac(datapath.vtepMac().value())
                    .setSegment(Ipv4Prefix.newBuilder().setAddress(datapath.vtepSegment().address().value())
                            .setLength(datapath.vtepSegment().length())).build();
            return new HostSession(host, target.vtep(), REPORTED_PORT, vtep, target.controllerStrings(), channels, space);
        };
    }
}
