package org.netweave.cli.allinone;

import java.util.function.Supplier;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.model.InvalidValueException;
import org.netweave.model.VmId;

/**
 * {@code POST /vms/{id}/ping}: what an operator does from a VM's console in a lab, served only by
 * the all-in-one, where the guests are emulated in the same process.
 */
final class GuestRoutes implements ApiRoutes {
    private final Supplier<EmulatedGuests> guests;

    /** @param guests the lab's guests; null until the hosts are up (503 meanwhile) */
    GuestRoutes(Supplier<EmulatedGuests> guests) {
        this.guests = guests;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/vms/{id}/ping", "Ping from the VM's guest (all-in-one mode): 200 with what came back, replies or not",
                VmPingRequest.class, VmPingReport.class, 200, ctx -> {
                    VmId vm = vmId(ctx.pathParam("id"));
                    VmPingRequest request = RequestBodies.decode(ctx, VmPingRequest.class);
                    var target = request.toTarget();
                    EmulatedGuests running = guests.get();
                    if (running == null) {
                        throw ApiException.unavailable("the lab's hosts are still starting");
                    }
                    var host = running.hostOf(vm).orElseThrow(() -> ApiException.conflict("id", vm
                            + " has no running guest: it must be a powered-on workload VM with an addressed vNIC on a"
                            + " logical switch"));
                    var result = running.ping(vm, target, request.toCount(), request.toInterval(), request.toTimeout());
                    ctx.json(VmPingReport.of(vm, host.value(), result));
                });
    }

    private static VmId vmId(String text) {
        try {
            return VmId.of(text);
        } catch (InvalidValueException e) {
            throw ApiException.invalid("id", e.getMessage());
        }
    }
}
