package org.netweave.cli.allinone;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.Jobs;
import org.netweave.cli.api.ManagerApi;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;

/**
 * The seeds' topology, built through the manager's API and the DLR deployment job as an operator
 * would: logical switches VNI 5000 and 5001 in one transport zone over both clusters; a DLR with
 * LIFs 10.0.1.1/24 (VNI 5000) and 10.0.2.1/24 (VNI 5001) and an HA pair of control VMs; a bridge
 * VNI 5001 ↔ VLAN 100 on the active control VM's host; VM1 10.0.1.10 on host A (the first host of
 * the first cluster) and VM2 10.0.2.10 on host B (the first of the second); and a physical server
 * 10.0.2.100 on VLAN 100 behind the top-of-rack switch.
 */
public final class SeedScenario {
    public static final Ipv4Address VM1_IP = Ipv4Address.parse("10.0.1.10");
    public static final Ipv4Address VM2_IP = Ipv4Address.parse("10.0.2.10");
    public static final Ipv4Address SERVER_IP = Ipv4Address.parse("10.0.2.100");
    public static final VlanId VLAN_100 = VlanId.of(100);
    private static final Duration DLR_JOB = Duration.ofSeconds(180);

    /**
     * What the scenario made, by the ids the manager gave.
     *
     * @param physicalServer the VLAN 100 endpoint, where it is emulated; it lives outside the manager's inventory
     */
    public record Built(String transportZone, String web, String app, String dlr, String vm1, String vm2,
                        HostId vm1Host, HostId vm2Host, Optional<EmulatedEndpoint> physicalServer) {
    }

    private SeedScenario() {
    }

    static Built build(ManagerApi api, List<LabHost> hosts, LabHypervisors hypervisors, AllInOneSettings settings) {
        var progress = settings.progress();
        api.post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":5999}");
        String clusters = String.join("\",\"", api.get("/clusters").findValuesAsText("id"));
        String zone = api.post("/transport-zones", "{\"name\":\"tz-1\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\""
                + clusters + "\"]}").path("id").asText();
        String web = logicalSwitch(api, "web", zone, 5000);
        String app = logicalSwitch(api, "app", zone, 5001);
        progress.accept("transport zone " + zone + " with logical switches web (VNI 5000) and app (VNI 5001)");

        JsonNode accepted = api.post("/dlrs", "{\"name\":\"dlr-1\",\"controlVm\":{\"haEnabled\":true},\"interfaces\":["
                + "{\"name\":\"web\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + web + "\",\"address\":\"10.0.1.1/24\"},"
                + "{\"name\":\"app\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + app + "\",\"address\":\"10.0.2.1/24\"}]}");
        String dlr = accepted.path("dlrId").asText();
        progress.accept("DLR " + dlr + " deploying (job " + accepted.path("jobId").asText() + ")...");
        Jobs.awaitSuccess(api, accepted.path("jobId").asText(), DLR_JOB, line -> progress.accept("  " + line));
        progress.accept("DLR " + dlr + " deployed: LIFs 10.0.1.1/24 and 10.0.2.1/24 on every host, control VMs "
                + String.join(", ", api.get("/vms?kind=CONTROL_VM").findValuesAsText("id")));
        api.put("/dlrs/" + dlr + "/bridges/br-app", "{\"logicalSwitchId\":\"" + app + "\",\"vlan\":100}");
        progress.accept("bridge br-app: VNI 5001 <-> VLAN 100");

        Optional<EmulatedEndpoint> server = hypervisors.plugPhysicalServer("server-1", MacAddress.parse("00:11:22:33:44:55"),
                new Ipv4InterfaceAddress(SERVER_IP, 24), Ipv4Address.parse("10.0.2.1"), VLAN_100);

        LabHost hostA = hosts.getFirst();
        LabHost hostB = secondHost(hosts);
        String vm1 = vm(api, "VM1", hostA, VM1_IP, web);
        String vm2 = vm(api, "VM2", hostB, VM2_IP, app);
        progress.accept("VM1 (" + vm1 + ") 10.0.1.10 on " + hostA.id() + ", VM2 (" + vm2 + ") 10.0.2.10 on "
                + hostB.id() + ", physical server 10.0.2.100 on VLAN 100");
        return new Built(zone, web, app, dlr, vm1, vm2, hostA.id(), hostB.id(), server);
    }

    /**
     * Host B: the first host of the second cluster, so the routed path crosses VTEP segments (and
     * a unicast-mode flood needs the proxy VTEP), as between two racks.
     */
    static LabHost secondHost(List<LabHost> hosts) {
        return hosts.stream().filter(h -> h.cluster() != hosts.getFirst().cluster()).findFirst().orElse(hosts.get(1));
    }

    private static String logicalSwitch(ManagerApi api, String name, String zone, int vni) {
        return api.post("/logical-switches", "{\"name\":\"" + name + "\",\"transportZoneId\":\"" + zone + "\",\"vni\":"
                + vni + "}").path("id").asText();
    }

    private static String vm(ManagerApi api, String name, LabHost host, Ipv4Address ip, String logicalSwitch) {
        String id = api.post("/vms", "{\"name\":\"" + name + "\",\"hostId\":\"" + host.id().value()
                + "\",\"vnics\":[{\"ip\":\"" + ip + "\"}]}").path("id").asText();
        api.put("/vms/" + id + "/vnics/0", "{\"logicalSwitchId\":\"" + logicalSwitch + "\"}");
        return id;
    }
}
