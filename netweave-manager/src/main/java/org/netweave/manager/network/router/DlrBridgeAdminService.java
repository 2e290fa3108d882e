package org.netweave.manager.network.router;

import java.util.List;
import java.util.Optional;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.manager.store.Store;
import org.netweave.model.BridgeId;
import org.netweave.model.DlrId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VlanId;

/** Puts and removes L2 bridges of a deployed DLR (desired state). */
public final class DlrBridgeAdminService {
    private final Store store;

    public DlrBridgeAdminService(Store store) {
        this.store = store;
    }

    /** Creates the bridge of that name or replaces its switch and VLAN; the bridge keeps its id. */
    public DlrBridge put(DlrId id, String rawName, DlrBridgeRequest request) {
        return store.write((handle, generation) -> {
            String name = BridgeRules.name(rawName);
            LogicalSwitchId logicalSwitch = Fields.id("logicalSwitchId", request.logicalSwitchId(), LogicalSwitchId::of);
            VlanId vlan = Fields.vlan("vlan", Fields.required("vlan", request.vlan()));
            DlrConfig dlr = DlrService.findChangeable(handle, id);
            SwitchFacts facts = LifStore.switchFacts(handle, List.of(logicalSwitch)).get(logicalSwitch);
            if (facts == null) {
                throw ApiException.notFound("logicalSwitchId", "logical switch", logicalSwitch);
            }
            Optional<Bridge> existing = BridgeStore.byName(handle, id, name);
            BridgeId bridgeId = existing.map(Bridge::id).orElse(null);
            BridgeRules.check(dlr, bridgeId, facts, vlan, BridgeStore.onSwitch(handle, logicalSwitch),
                    BridgeStore.onVlan(handle, vlan));
            Bridge bridge = new Bridge(bridgeId != null ? bridgeId : BridgeId.of(Store.nextId(handle, "bridge", "-")), name,
                    logicalSwitch, facts.vni(), vlan, generation);
            BridgeStore.put(handle, id, bridge);
            DlrStore.stamp(handle, id, generation);
            return DlrBridge.of(bridge);
        }).value();
    }

    public NetworkDeletion delete(DlrId id, String name) {
        return store.write((handle, generation) -> {
            DlrService.findChangeable(handle, id);
            Bridge bridge = BridgeStore.byName(handle, id, name)
                    .orElseThrow(() -> ApiException.notFound("name", "bridge", "'" + name + "' on DLR " + id));
            BridgeStore.delete(handle, bridge.id());
            DlrStore.stamp(handle, id, generation);
            return new NetworkDeletion(bridge.id().value(), generation);
        }).value();
    }
}
