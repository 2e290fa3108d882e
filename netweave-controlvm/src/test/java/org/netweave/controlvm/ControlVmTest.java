package org.netweave.controlvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.DlrId;
import org.netweave.proto.manager.v1.ControlVmStatus;

/**
 * The control VM against a fake manager and no controller: its life cycle, configurations it
 * refuses, and a push no controller applies. The controller side is in {@link ControlVmIntegrationTest}.
 */
class ControlVmTest {
    private static final DlrId DLR = DlrId.of("edge-1");
    /** Port 1 on loopback: nothing listens, so every push fails fast and retries until the deadline. */
    private static final List<String> NO_CONTROLLER = List.of("127.0.0.1:1");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private String name;
    private ManagedChannel channel;
    private ControllerChannels controllers;

    @BeforeEach
    void channels(TestInfo test) {
        name = "manager-" + test.getDisplayName();
        channel = InProcessChannelBuilder.forName(name).build();
        controllers = new ControllerChannels();
    }

    @AfterEach
    void closeChannels() {
        channel.shutdownNow();
        controllers.close();
    }

    private ControlVm controlVm() {
        return new ControlVm(new ControlVmSettings("cvm-1", DLR, SliceSpace.DEFAULT, Duration.ofMillis(300),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200))), channel, controllers);
    }

    @Test
    void startsOnceAndClosesOnce() {
        ControlVm vm = controlVm();
        assertThat(vm.state()).isEqualTo(ControlVm.State.LATENT);
        assertThat(vm.view()).isEqualTo(ControlVmView.INITIAL);

        vm.start();
        assertThatThrownBy(vm::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("STARTED");
        vm.close();
        vm.close();

        assertThat(vm.state()).isEqualTo(ControlVm.State.CLOSED);
        assertThatThrownBy(vm::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOSED");
    }

    @Test
    void aControlVmClosedBeforeItStartedNeverStarts() {
        ControlVm vm = controlVm();
        vm.close();

        assertThatThrownBy(vm::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itWaitsForAManagerThatIsNotThereYet() throws Exception {
        try (ControlVm vm = controlVm()) {
            vm.start();
            assertThat(vm.view().connectedToManager()).isFalse();

            try (FakeManager manager = FakeManager.start(name, Configs.config(DLR, 1, NO_CONTROLLER).setPublish(false).build())) {
                await().atMost(WAIT).until(() -> vm.view().connectedToManager() && vm.view().configGeneration() == 1);
                assertThat(manager.hellos()).singleElement().satisfies(hello -> {
                    assertThat(hello.getVmId()).isEqualTo("cvm-1");
                    assertThat(hello.getDlrId()).isEqualTo("edge-1");
                });
            }
        }
    }

    @Test
    void aConfigurationForAnotherDlrIsRefusedAndTheHeldOneKept() throws Exception {
        try (FakeManager manager = FakeManager.start(name); ControlVm vm = controlVm()) {
            vm.start();
            manager.send(Configs.config(DLR, 1, NO_CONTROLLER).setPublish(false).build());
            await().atMost(WAIT).until(() -> vm.view().publication() == Publication.NOT_PUBLISHING);

            manager.send(Configs.config(DlrId.of("edge-2"), 2, NO_CONTROLLER).build());

            await().atMost(WAIT).untilAsserted(() -> assertThat(manager.lastReport()).hasValueSatisfying(status -> {
                assertThat(status.getConfigGeneration()).isEqualTo(1);
                assertThat(status.getError()).isEqualTo("configuration generation 2 refused: dlrId: 'edge-2' is not "
                        + "edge-1, the DLR this control VM serves");
            }));
            assertThat(vm.view().configGeneration()).isEqualTo(1);
            assertThat(vm.view().publication()).isEqualTo(Publication.NOT_PUBLISHING);
            assertThat(vm.view().forwardingTable()).hasSize(3);
        }
    }

    @Test
    void aMalformedConfigurationIsRefusedNamingTheField() throws Exception {
        try (FakeManager manager = FakeManager.start(name); ControlVm vm = controlVm()) {
            vm.start();
            manager.send(Configs.config(DLR, 1, NO_CONTROLLER)
                    .addStaticRoutes(Configs.staticRoute(0xC0A80B01, 24, 0x0A0001FE)).build());

            await().atMost(WAIT).untilAsserted(() -> assertThat(vm.view().lastError()).hasValueSatisfying(error ->
                    assertThat(error).startsWith("configuration generation 1 refused: prefix: '192.168.11.1/24' has host bits set")));
            assertThat(vm.view().configGeneration()).isZero();
            assertThat(manager.lastReport().map(ControlVmStatus::getConfigGeneration)).hasValue(0L);
        }
    }

    @Test
    void aPushNoControllerAppliesIsRetriedUntilANewerConfigurationReplacesIt() throws Exception {
        try (FakeManager manager = FakeManager.start(name); ControlVm vm = controlVm()) {
            vm.start();
            manager.send(Configs.config(DLR, 1, NO_CONTROLLER).build());

            await().atMost(WAIT).until(() -> vm.view().publication() == Publication.RETRYING);
            assertThat(vm.view().lastError()).hasValueSatisfying(error -> assertThat(error)
                    .startsWith("the forwarding table of generation 1 was not applied; retrying in ")
                    .contains("no controller applied the write within PT0.3S"));
            assertThat(manager.lastReport()).hasValueSatisfying(status -> {
                assertThat(status.getPublishedGeneration()).isZero();
                assertThat(status.getError()).contains("was not applied");
            });

            manager.send(Configs.config(DLR, 2, NO_CONTROLLER).setPublish(false).build());

            await().atMost(WAIT).until(() -> vm.view().configGeneration() == 2);
            // A retry of generation 1 still scheduled would turn the state back to RETRYING within its backoff.
            await().during(Duration.ofMillis(600)).atMost(WAIT).until(() -> vm.view().publication() == Publication.NOT_PUBLISHING);
            assertThat(vm.view().lastError()).isEmpty();
            assertThat(manager.lastReport()).hasValueSatisfying(status -> {
                assertThat(status.getConfigGeneration()).isEqualTo(2);
                assertThat(status.getError()).isEmpty();
            });
        }
    }
}
