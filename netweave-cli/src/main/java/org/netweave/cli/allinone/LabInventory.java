package org.netweave.cli.allinone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.Jobs;
import org.netweave.cli.api.ManagerApi;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/**
 * The lab's controllers and compute inventory, built through the manager's own API as an operator
 * would: three controllers one after the other (seed 002's bootstrap), a datacenter, two clusters
 * of hosts with management and vMotion VMkernel ports, a VTEP pool per cluster (so each cluster is
 * its own VTEP segment and unicast replication needs a proxy per remote segment), and host
 * preparation of both clusters.
 */
final class LabInventory {
    static final int CONTROLLERS = 3;
    private static final Duration CONTROLLER_JOB = Duration.ofSeconds(120);

    private LabInventory() {
    }

    static List<LabHost> build(ManagerApi api, AllInOneSettings settings) {
        for (int i = 1; i <= CONTROLLERS; i++) {
            String job = api.post("/controllers", "{}").path("jobId").asText();
            JsonNode done = Jobs.awaitSuccess(api, job, CONTROLLER_JOB);
            settings.progress().accept("controller " + i + "/" + CONTROLLERS + " deployed (" + done.path("subjectId").asText() + ")");
        }
        String datacenter = api.post("/datacenters", "{\"name\":\"dc-1\"}").path("id").asText();
        int hostNumber = 0;
        for (int cluster = 1; cluster <= 2; cluster++) {
            String pool = api.post("/ip-pools", "{\"name\":\"vtep-pool-" + cluster + "\",\"start\":\""
                    + settings.vtepAddress(cluster, 1) + "\",\"end\":\"" + settings.vtepAddress(cluster, 200)
                    + "\",\"prefixLength\":24}").path("id").asText();
            String clusterId = api.post("/clusters", "{\"datacenterId\":\"" + datacenter + "\",\"name\":\"cluster-"
                    + cluster + "\"}").path("id").asText();
            for (int i = 0; i < settings.hostsIn(cluster); i++) {
                hostNumber++;
                api.post("/hosts", hostRequest(clusterId, hostNumber));
            }
            api.post("/clusters/" + clusterId + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}");
            settings.progress().accept("cluster-" + cluster + ": " + settings.hostsIn(cluster)
                    + " hosts prepared, VTEPs from " + settings.vtepAddress(cluster, 1) + "/24");
        }
        return hosts(api);
    }

    /** host-a, host-b, …: the seed's "host A" and "host B" are the first two. */
    static String hostName(int number) {
        int i = number - 1;
        return "host-" + (char) ('a' + i % 26) + (i >= 26 ? Integer.toString(i / 26) : "");
    }

    private static String hostRequest(String clusterId, int n) {
        // Management and vMotion addresses come from the documentation ranges: the lab never sends to them.
        return "{\"clusterId\":\"" + clusterId + "\",\"name\":\"" + hostName(n) + "\",\"managementIp\":\"192.0.2." + n
                + "\",\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"192.0.2." + n
                + "\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]},{\"device\":\"vmk1\",\"ip\":\"198.51.100." + n
                + "\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]}";
    }

    private static List<LabHost> hosts(ManagerApi api) {
        JsonNode clusters = api.get("/clusters");
        List<LabHost> hosts = new ArrayList<>();
        for (JsonNode host : api.get("/hosts")) {
            int cluster = 0;
            for (int c = 0; c < clusters.size(); c++) {
                if (clusters.get(c).path("id").asText().equals(host.path("clusterId").asText())) {
                    cluster = c + 1;
                }
            }
            Ipv4Address vtep = Ipv4Address.parse(host.path("vtepIp").asText());
            hosts.add(new LabHost(HostId.of(host.path("id").asText()), host.path("name").asText(), cluster, vtep,
                    new Ipv4Prefix(Ipv4Address.of(vtep.value() & 0xFFFF_FF00), 24),
                    MacAddress.parse(host.path("routerMac").asText())));
        }
        return hosts;
    }
}
