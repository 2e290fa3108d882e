package org.netweave.manager.southbound;

import java.util.Comparator;
import java.util.List;

import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.network.vtep.MacBinding;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.manager.v1.ExternalBinding;
import org.netweave.proto.manager.v1.DlrInstanceConfig;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

/**
 * A host's configuration from its inputs: a pure function, so the same desired state always gives
 * the same message (sorted), and a change is a change of content, not of order.
 */
final class HostConfigs {
    private HostConfigs() {
    }

    /** One switch as every host it spans gets it, its external VTEPs and their bindings sorted. */
    static LogicalSwitchConfig logicalSwitch(HostConfigInputs.SwitchInput ls) {
        LogicalSwitchConfig.Builder built = LogicalSwitchConfig.newBuilder().setVni(ls.vni().value()).setName(ls.name())
                .setReplicationMode(ReplicationMode.valueOf(ls.replicationMode()));
        ls.externalVteps().stream().sorted(Comparator.comparing(ExternalVtepConfig::vtep)).forEach(vtep -> {
            var external = org.netweave.proto.manager.v1.ExternalVtepConfig.newBuilder().setVtepIp(vtep.vtep().value());
            vtep.bindings().stream().sorted(Comparator.comparing(MacBinding::mac)).forEach(binding -> {
                ExternalBinding.Builder bound = ExternalBinding.newBuilder().setMac(binding.mac().value());
                if (binding.ip() != null) {
                    bound.setIp(binding.ip().value());
                }
                external.addBindings(bound);
            });
            built.addExternalVteps(external);
        });
        return built.build();
    }

    /** The configuration without its generation, for comparing contents. */
    static HostConfig build(HostConfigInputs inputs, List<String> controllers) {
        HostConfig.Builder config = HostConfig.newBuilder()
                .setHostId(inputs.host().value())
                .addAllControllers(controllers.stream().sorted().toList());
        inputs.vtep().ifPresent(vtep -> config.setVtepIp(vtep.value()).setVtepPrefixLength(inputs.vtepPrefixLength()));
        inputs.routerMac().ifPresent(mac -> config.setRouterMac(mac.value()));
        // Usually already in VNI order (one zone's switches): the sort then only checks that.
        config.addAllLogicalSwitches(inputs.logicalSwitches().stream()
                .sorted(Comparator.comparingInt(LogicalSwitchConfig::getVni)).toList());
        inputs.dlrs().stream().sorted()
                .forEach(dlr -> config.addDlrs(DlrInstanceConfig.newBuilder().setDlrId(dlr.value())));
        inputs.vnics().stream()
                .sorted(Comparator.comparing((HostConfigInputs.VnicInput v) -> v.vm().value())
                        .thenComparingInt(HostConfigInputs.VnicInput::index))
                .forEach(vnic -> {
                    VnicConfig.Builder built = VnicConfig.newBuilder().setVmId(vnic.vm().value())
                            .setIndex(vnic.index()).setMac(vnic.mac().value()).setConnected(vnic.poweredOn());
                    vnic.ip().ifPresent(ip -> built.setIp(ip.value()));
                    vnic.vni().ifPresent(vni -> built.setVni(vni.value()));
                    config.addVnics(built);
                });
        return config.build();
    }
}
