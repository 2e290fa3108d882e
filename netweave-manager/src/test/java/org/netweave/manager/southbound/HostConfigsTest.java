package org.netweave.manager.southbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import com.google.protobuf.TextFormat;
import org.junit.jupiter.api.Test;
import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.network.vtep.MacBinding;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;
import org.netweave.model.Vni;

class HostConfigsTest {
    /** A fixed32 address as protobuf's text format prints it: unsigned. */
    private static String ip(String dotted) {
        return Integer.toUnsignedString(Ipv4Address.parse(dotted).value());
    }

    private static HostConfigInputs inputs(List<HostConfigInputs.SwitchInput> switches, List<DlrId> dlrs,
                                           List<HostConfigInputs.VnicInput> vnics) {
        return new HostConfigInputs(HostId.of("host-1"), Optional.of(Ipv4Address.parse("127.0.1.1")), 24,
                Optional.of(MacAddress.parse("02:4e:57:00:00:01")),
                switches.stream().map(HostConfigs::logicalSwitch).toList(), dlrs, vnics);
    }

    @Test
    void aHostsConfigurationIsSortedAndCarriesExactlyItsInputs() throws Exception {
        var app = new HostConfigInputs.SwitchInput(new Vni(5001), "app", "UNICAST", List.of());
        var web = new HostConfigInputs.SwitchInput(new Vni(5000), "web", "HYBRID", List.of(new ExternalVtepConfig(
                LogicalSwitchId.of("virtualwire-1"), Ipv4Address.parse("172.16.0.9"),
                List.of(new MacBinding(MacAddress.parse("00:50:56:00:00:09"), Ipv4Address.parse("10.0.1.9")),
                        new MacBinding(MacAddress.parse("00:50:56:00:00:08"), null)), 3)));
        var vm2 = new HostConfigInputs.VnicInput(VmId.of("vm-2"), 0, MacAddress.parse("00:50:56:00:00:02"),
                Optional.empty(), Optional.empty(), false);
        var vm1 = new HostConfigInputs.VnicInput(VmId.of("vm-1"), 0, MacAddress.parse("00:50:56:00:00:01"),
                Optional.of(Ipv4Address.parse("10.0.1.10")), Optional.of(new Vni(5000)), true);

        var config = HostConfigs.build(inputs(List.of(app, web), List.of(DlrId.of("edge-2"), DlrId.of("edge-1")),
                List.of(vm2, vm1)), List.of("127.0.0.1:7002", "127.0.0.1:7001"));

        String text = TextFormat.printer().printToString(config);
        assertThat(text.lines().map(String::strip).toList()).containsExactly(
                "host_id: \"host-1\"",
                "vtep_ip: " + ip("127.0.1.1"),
                "router_mac: " + MacAddress.parse("02:4e:57:00:00:01").value(),
                "controllers: \"127.0.0.1:7001\"",
                "controllers: \"127.0.0.1:7002\"",
                "logical_switches {", "vni: 5000", "name: \"web\"", "replication_mode: HYBRID",
                "external_vteps {", "vtep_ip: " + ip("172.16.0.9"),
                "bindings {", "mac: " + MacAddress.parse("00:50:56:00:00:08").value(), "}",
                "bindings {", "mac: " + MacAddress.parse("00:50:56:00:00:09").value(),
                "ip: " + ip("10.0.1.9"), "}", "}", "}",
                "logical_switches {", "vni: 5001", "name: \"app\"", "replication_mode: UNICAST", "}",
                "dlrs {", "dlr_id: \"edge-1\"", "}",
                "dlrs {", "dlr_id: \"edge-2\"", "}",
                "vnics {", "vm_id: \"vm-1\"", "mac: " + MacAddress.parse("00:50:56:00:00:01").value(),
                "ip: " + ip("10.0.1.10"), "vni: 5000", "connected: true", "}",
                "vnics {", "vm_id: \"vm-2\"", "mac: " + MacAddress.parse("00:50:56:00:00:02").value(), "}",
                "vtep_prefix_length: 24");
    }

    @Test
    void theSameInputsInAnotherOrderGiveAnEqualConfiguration() {
        var a = new HostConfigInputs.SwitchInput(new Vni(5000), "web", "UNICAST", List.of());
        var b = new HostConfigInputs.SwitchInput(new Vni(5001), "app", "UNICAST", List.of());
        assertThat(HostConfigs.build(inputs(List.of(a, b), List.of(DlrId.of("edge-1"), DlrId.of("edge-2")), List.of()),
                List.of("x:1", "y:2")))
                .isEqualTo(HostConfigs.build(inputs(List.of(b, a), List.of(DlrId.of("edge-2"), DlrId.of("edge-1")),
                        List.of()), List.of("y:2", "x:1")));
    }
}
