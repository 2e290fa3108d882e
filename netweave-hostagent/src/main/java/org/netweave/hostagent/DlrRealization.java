package org.netweave.hostagent;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.manager.v1.DlrConnection;

/**
 * How far one DLR instance of the host has come: the controller serving it and what that
 * controller has sent so far (the manager's DlrConnection).
 *
 * @param controller the controller node the DLR is joined at; empty until that node has answered
 *                   the join with the DLR's state
 * @param routeCount the whole routing table the owner sent: a connected route per LIF plus the
 *                   control VM's forwarding table
 */
public record DlrRealization(DlrId dlr, Optional<ControllerId> controller, int lifCount, int routeCount) {
    public DlrRealization {
        Objects.requireNonNull(dlr, "dlr");
        Objects.requireNonNull(controller, "controller");
        if (lifCount < 0 || routeCount < 0) {
            throw new IllegalArgumentException("negative counts for " + dlr + ": " + lifCount + ", " + routeCount);
        }
    }

    /**
     * The realisation of every wanted DLR from the session's latest states and the controllers it
     * joined them at. Pure; a DLR without a state yet has no controller and no counts, even when
     * the session has sent its join, so a controller is named only once it has answered.
     */
    public static SortedMap<DlrId, DlrRealization> of(SortedSet<DlrId> wanted, Map<DlrId, DlrState> states,
                                                      Map<DlrId, ControllerId> controllers) {
        SortedMap<DlrId, DlrRealization> realizations = new TreeMap<>();
        for (DlrId dlr : wanted) {
            DlrState state = states.get(dlr);
            realizations.put(dlr, state == null
                    ? new DlrRealization(dlr, Optional.empty(), 0, 0)
                    : new DlrRealization(dlr, Optional.ofNullable(controllers.get(dlr)), state.getLifsCount(),
                            state.getRoutesCount()));
        }
        return realizations;
    }

    public DlrConnection toProto() {
        return DlrConnection.newBuilder().setDlrId(dlr.value()).setControllerId(controller.map(ControllerId::value).orElse(""))
                .setLifCount(lifCount).setRouteCount(routeCount).build();
    }
}
