package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.inventory.VmkernelService.FAULT_TOLERANCE;
import static org.netweave.manager.inventory.VmkernelService.IP_STORAGE;
import static org.netweave.manager.inventory.VmkernelService.MANAGEMENT;
import static org.netweave.manager.inventory.VmkernelService.VMOTION;
import static org.netweave.manager.inventory.VmkernelService.VTEP;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4InterfaceAddress;

class HostHealthTest {
    private static VmkernelPort port(String device, String ip, VmkernelService... services) {
        return new VmkernelPort(device, Ipv4InterfaceAddress.parse(ip + "/24"), Set.of(services));
    }

    @Test
    void oneServicePerPortIsOk() {
        var status = HostHealth.assess(List.of(port("vmk0", "10.0.0.1", MANAGEMENT), port("vmk1", "10.0.1.1", VMOTION),
                port("vmk2", "10.0.2.1", FAULT_TOLERANCE), port("vmk3", "10.0.3.1", IP_STORAGE)));
        assertThat(status.state()).isEqualTo("OK");
        assertThat(status.warnings()).isEmpty();
    }

    @Test
    void everyServiceOnOnePortWarnsAndSaysWhy() {
        var status = HostHealth.assess(List.of(port("vmk0", "10.0.0.1", MANAGEMENT, VMOTION, FAULT_TOLERANCE, IP_STORAGE)));
        assertThat(status.state()).isEqualTo("WARNING");
        assertThat(status.warnings()).singleElement().asString()
                .contains("vmk0", "MANAGEMENT, VMOTION, FAULT_TOLERANCE, IP_STORAGE", "interferes", "own VMkernel port");
    }

    @Test
    void theHostsServicesSharingOnePortWarnEvenWhenItUsesOnlyTwo() {
        var status = HostHealth.assess(List.of(port("vmk0", "10.0.0.1", MANAGEMENT, VMOTION), port("vmk1", "10.0.9.1", VTEP)));
        assertThat(status.state()).isEqualTo("WARNING");
    }

    @Test
    void partlySharedPortsAndTheVtepPortAreNotWarnedAbout() {
        assertThat(HostHealth.assess(List.of(port("vmk0", "10.0.0.1", MANAGEMENT, VMOTION),
                port("vmk1", "10.0.1.1", FAULT_TOLERANCE, IP_STORAGE))).state()).isEqualTo("OK");
        assertThat(HostHealth.assess(List.of(port("vmk0", "10.0.0.1", MANAGEMENT), port("vmk1", "10.0.1.1", VTEP)))
                .state()).isEqualTo("OK");
    }
}
