package org.netweave.manager.network.vnic;

import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.network.Fields;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VmId;

/** vNIC attachment: {@code /vms/{vmId}/vnics/{index}} and the vNICs of a switch. */
public final class VnicRoutes implements ApiRoutes {
    private final VnicService service;
    private final VnicAdminService admin;

    public VnicRoutes(VnicService service, VnicAdminService admin) {
        this.service = service;
        this.admin = admin;
    }

    @Override
    public void register(ApiRegistry api) {
        api.put("/vms/{vmId}/vnics/{index}", "Attach a vNIC to a logical switch, or detach it with logicalSwitchId null",
                        VnicAttachmentRequest.class, VnicAttachment.class,
                        ctx -> ctx.json(admin.attach(Fields.id("vmId", ctx.pathParam("vmId"), VmId::of),
                                Fields.index("index", ctx.pathParam("index"), 0, Integer.MAX_VALUE),
                                RequestBodies.decode(ctx, VnicAttachmentRequest.class))))
                .list("/logical-switches/{id}/vnics", "List the vNICs attached to a logical switch", VnicAttachment.class,
                        ctx -> ctx.json(service.attachedTo(Fields.id("id", ctx.pathParam("id"), LogicalSwitchId::of))));
    }
}
