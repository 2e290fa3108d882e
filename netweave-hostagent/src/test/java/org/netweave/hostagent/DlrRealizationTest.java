package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.manager.v1.DlrConnection;

/** What the host reports per DLR: nothing before the owner's state, then the counts from it and the node it is joined at. */
class DlrRealizationTest {
    private static final DlrId EDGE_1 = DlrId.of("edge-1");
    private static final DlrId EDGE_2 = DlrId.of("edge-2");
    private static final DlrId EDGE_3 = DlrId.of("edge-3");
    private static final ControllerId C2 = ControllerId.of("controller-2");

    @Test
    void countsComeFromTheLatestStateAndTheControllerOnlyOnceItHasAnswered() {
        DlrState two = DlrState.newBuilder().setDlrId("edge-1").setEpoch(4)
                .addLifs(Lif.getDefaultInstance()).addLifs(Lif.getDefaultInstance())
                .addRoutes(Route.getDefaultInstance()).addRoutes(Route.getDefaultInstance()).addRoutes(Route.getDefaultInstance())
                .build();
        DlrState empty = DlrState.newBuilder().setDlrId("edge-2").setEpoch(4).build();
        DlrState unwanted = DlrState.newBuilder().setDlrId("edge-9").setEpoch(4).build();

        var realized = DlrRealization.of(new TreeSet<>(java.util.List.of(EDGE_1, EDGE_2, EDGE_3)),
                Map.of(EDGE_1, two, EDGE_2, empty, DlrId.of("edge-9"), unwanted),
                Map.of(EDGE_1, C2, EDGE_2, C2, EDGE_3, C2));

        assertThat(realized.values()).containsExactly(
                new DlrRealization(EDGE_1, Optional.of(C2), 2, 3),
                new DlrRealization(EDGE_2, Optional.of(C2), 0, 0),
                // Joined at controller-2, which has not answered yet.
                new DlrRealization(EDGE_3, Optional.empty(), 0, 0));
    }

    @Test
    void anUnknownControllerTravelsAsTheEmptyString() {
        assertThat(new DlrRealization(EDGE_1, Optional.empty(), 1, 2).toProto()).isEqualTo(DlrConnection.newBuilder()
                .setDlrId("edge-1").setControllerId("").setLifCount(1).setRouteCount(2).build());
        assertThat(new DlrRealization(EDGE_1, Optional.of(C2), 0, 0).toProto().getControllerId()).isEqualTo("controller-2");
    }
}
