package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The table views' text from the manager's JSON, golden: what a non-master controller prints. */
class TableTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aControllerThatIsNotTheMasterPrintsTheEmptyTableAndANoteNamingTheMaster() throws Exception {
        var answer = JSON.readTree("""
                {"controllerId":"controller-2","vni":5001,"owner":false,"ownerId":"controller-1","epoch":4,
                 "note":"controller-2 is not the master of VNI 5001; controller-1 is: ask it",
                 "vteps":[],"macs":[],"arps":[],"connections":[]}""");

        assertThat(TableText.controllerVni(answer, "mac")).isEqualTo("""
                VNI  MAC  VTEP-IP  Connection-ID
                Note: controller-2 is not the master of VNI 5001; controller-1 is: ask it
                """);
    }

    @Test
    void theMastersSummaryPrintsReplicationAndArpProxyAsTheControllerDoes() throws Exception {
        var summary = JSON.readTree("""
                {"vni":5001,"controllerId":"controller-1","epoch":4,"present":true,"replicationMode":"HYBRID",
                 "arpProxy":false,"connections":3,"vteps":2}""");

        assertThat(TableText.vniSummary(summary)).isEqualTo("""
                VNI   Controller    BUM-Replication  ARP-Proxy  Connections  VTEPs
                5001  controller-1  Hybrid           Disabled   3            2
                """);
    }
}
